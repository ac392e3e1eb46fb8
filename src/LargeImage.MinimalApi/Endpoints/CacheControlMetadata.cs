namespace LargeImage.MinimalApi.Endpoints;

/// <summary>A route group's own <c>Cache-Control</c> (and <c>Vary</c>), set with <c>WithLargeImageCacheControl</c>.</summary>
internal sealed record CacheControlMetadata(string CacheControl, string? Vary);
