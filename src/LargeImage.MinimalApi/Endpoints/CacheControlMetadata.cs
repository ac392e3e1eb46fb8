namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// An endpoint's <c>Cache-Control</c> (and <c>Vary</c>): the host's, set with <c>WithLargeImageCacheControl</c>, or else
/// the options' default, which <see cref="ResponsePipeline"/> adds.
/// </summary>
internal sealed record CacheControlMetadata(string CacheControl, string? Vary);
