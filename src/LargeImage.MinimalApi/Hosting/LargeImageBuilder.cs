using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>Returned by <c>AddLargeImage</c> so further large-image services can be chained.</summary>
public sealed class LargeImageBuilder
{
    internal LargeImageBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Shares rendered responses between instances through Redis: Redis becomes the distributed cache level behind each
    /// instance's memory cache, and its pub/sub the backplane that keeps the memory levels coherent. A Redis outage
    /// degrades to memory-only caching, never to errors. The same as setting <c>LargeImage:Cache:Redis</c>.
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</param>
    /// <returns>This builder.</returns>
    public LargeImageBuilder AddRedis(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        Services.Configure<LargeImageOptions>(options => options.Cache.Redis = configuration);
        return this;
    }
}
