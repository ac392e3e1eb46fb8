using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// The shape every image endpoint shares: answer <c>If-None-Match</c> from the key alone, else open the image only
/// when the answer has to be produced (rendered bytes come from the rendered-bytes cache).
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
                using var image = await provider.OpenAsync(request);
                try
                {
                    return await render(image, token);
                }
                catch (NativeLibraryException e) when (request.File.IsRemote)
                {
                    // A reader opened while the server was up fails its reads once the server is gone: that is the
                    // store's failure, not the file's, and the client should retry rather than give up.
                    throw new RemoteUnavailableException($"Reading {request.File.Path} failed: {e.Message}", e);
                }
            },
            http.RequestAborted);
        return TypedResults.File(bytes, contentType);
    }

    /// <summary>A JSON description of the image: answered with 304 from the key alone, else read from the opened image.</summary>
    public static async Task<Results<Ok<T>, NotModifiedHttpResult>> DescribeAsync<T>(
        HttpContext http, ImageSourceProvider provider, ImageRequest request, string operation, Func<OpenedImage, T> describe)
    {
        if (ConditionalRequest.IsNotModified(http, RenderKey.For(request, operation).ETag))
        {
            return NotModifiedHttpResult.Instance;
        }

        using var image = await provider.OpenAsync(request);
        return TypedResults.Ok(describe(image));
    }
}
