using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Hosting;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;
using LargeImage.MinimalApi.Sources.OpenSlide;
using LargeImage.MinimalApi.Sources.Remote;
using LargeImage.MinimalApi.Sources.Vips;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the large-image services.</summary>
public static class LargeImageServiceCollectionExtensions
{
    /// <summary>Adds the large-image services with options bound from a configuration section (e.g. <c>LargeImage</c>).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The section holding <see cref="LargeImageOptions"/>.</param>
    /// <returns>A builder for further large-image settings.</returns>
    public static LargeImageBuilder AddLargeImage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, options => options.Bind(configuration));
    }

    /// <summary>Adds the large-image services, configured in code.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets <see cref="LargeImageOptions"/>; null keeps the defaults.</param>
    /// <returns>A builder for further large-image settings.</returns>
    public static LargeImageBuilder AddLargeImage(this IServiceCollection services, Action<LargeImageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services, options => options.Configure(configure ?? (_ => { })));
    }

    private static LargeImageBuilder AddCore(IServiceCollection services, Action<OptionsBuilder<LargeImageOptions>> configure)
    {
        var options = services.AddOptions<LargeImageOptions>();
        configure(options);
        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LargeImageOptions>, CacheOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LargeImageOptions>, RemoteOptionsValidator>());

        services.AddProblemDetails();
        services.AddMetrics();
        services.TryAddSingleton<LargeImageMetrics>();
        services.TryAddSingleton<FileReferenceResolver>();
        services.TryAddSingleton<RemoteAllowList>();
        services.TryAddSingleton<RemoteObjectStore>();
        services.TryAddSingleton<RemoteVersionCache>();
        services.TryAddSingleton<RemoteCheckout>();
        services.TryAddSingleton<GdalRemoteConfiguration>();
        services.TryAddSingleton<RemoteFiles>();
        // Registration order breaks priority ties: GDAL, then libvips, then OpenSlide.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITileSourceReader, GdalReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITileSourceReader, VipsReader>(
            provider => new VipsReader(RememberedFiles(provider))));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITileSourceReader, OpenSlideReader>(
            provider => new OpenSlideReader(RememberedFiles(provider))));
        services.TryAddSingleton(provider =>
        {
            var value = provider.GetRequiredService<IOptions<LargeImageOptions>>().Value;
            NativeLibraryLoader.Configure(value.GdalLibraryPath, value.OpenSlideLibraryPath);
            return new TileSourceResolver(provider.GetServices<ITileSourceReader>(), provider.GetRequiredService<RemoteFiles>(), value.RememberedFiles);
        });
        services.TryAddSingleton<TileSourceCache>();
        services.TryAddSingleton<ImageSourceProvider>();
        RenderedCacheRegistration.AddRenderedCache(services);
        services.TryAddSingleton<HistogramService>();
        services.TryAddSingleton<ImageRenderer>();
        services.TryAddSingleton(provider => new LargeImageInspector(provider.GetRequiredService<ImageSourceProvider>()));
        return new LargeImageBuilder(services);
    }

    private static int RememberedFiles(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<LargeImageOptions>>().Value.RememberedFiles;
}
