using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>Returned by <c>AddLargeImage</c> so further large-image services can be chained.</summary>
public sealed class LargeImageBuilder
{
    internal LargeImageBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
