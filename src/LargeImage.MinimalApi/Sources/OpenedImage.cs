using LargeImage.MinimalApi.Caching;

namespace LargeImage.MinimalApi.Sources;

/// <summary>A request's reader with the request's validated common parameters. Dispose to return the reader.</summary>
internal sealed class OpenedImage(TileSourceLease lease, ImageRequest request) : IDisposable
{
    public ITileSource Source => lease.Source;

    public ResolvedFile File => request.File;

    public string? Projection => request.Projection;

    public int Frame => request.Frame;

    public void Dispose() => lease.Dispose();
}
