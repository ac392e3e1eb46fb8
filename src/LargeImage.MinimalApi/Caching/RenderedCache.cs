namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// Where rendered bytes (tiles, thumbnails, histograms, small regions) are produced and kept. Every endpoint that
/// renders goes through here with a <see cref="RenderKey"/>, so caching and HTTP validators live in one place.
/// </summary>
internal sealed class RenderedCache
{
    public ValueTask<byte[]> GetOrRenderAsync(RenderKey key, Func<CancellationToken, byte[]> render, CancellationToken cancellationToken) =>
        ValueTask.FromResult(render(cancellationToken));
}
