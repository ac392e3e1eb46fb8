using LargeImage.MinimalApi.Endpoints;

namespace Microsoft.AspNetCore.Builder;

/// <summary>HTTP caching settings for groups mapped by <c>MapLargeImage</c>.</summary>
public static class LargeImageEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Sets the <c>Cache-Control</c> of the group's image and JSON responses, overriding <c>LargeImage:Cache:CacheControl</c>
    /// (default <c>public, max-age=86400</c>); e.g. <c>private, max-age=3600</c> for a group that requires authorization.
    /// </summary>
    /// <typeparam name="TBuilder">The route group or endpoint builder.</typeparam>
    /// <param name="builder">The group returned by <c>MapLargeImage</c>.</param>
    /// <param name="cacheControl">The header value, e.g. <c>no-cache</c> to make clients revalidate with the ETag.</param>
    /// <param name="vary">A <c>Vary</c> header value when the host makes responses depend on request headers; default none.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TBuilder WithLargeImageCacheControl<TBuilder>(this TBuilder builder, string cacheControl, string? vary = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheControl);
        return builder.WithMetadata(new CacheControlMetadata(cacheControl, vary));
    }
}
