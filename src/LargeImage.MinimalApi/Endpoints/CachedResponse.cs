using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// The shape every rendering endpoint shares: answer <c>If-None-Match</c> from the key alone, else take the bytes
/// from the rendered-bytes cache, opening the image only when they have to be rendered.
/// </summary>
internal static class CachedResponse
{
    public static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetAsync(
        HttpContext http,
        ImageSourceProvider provider,
        RenderedCache cache,
        ImageRequest request,
        RenderKey key,
        string contentType,
        Func<OpenedImage, CancellationToken, Task<byte[]>> render)
    {
        if (ConditionalRequest.IsNotModified(http, key.ETag))
        {
            return NotModifiedHttpResult.Instance;
        }

        var bytes = await cache.GetOrRenderAsync(
            key,
            async token =>
            {
                using var image = provider.Open(request);
                return await render(image, token);
            },
            http.RequestAborted);
        return TypedResults.File(bytes, contentType);
    }
}
