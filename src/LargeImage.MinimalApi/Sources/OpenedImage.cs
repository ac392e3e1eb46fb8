using LargeImage.MinimalApi.Caching;

namespace LargeImage.MinimalApi.Sources;

/// <summary>A request's reader with the request's validated common parameters. Dispose to return the reader.</summary>
internal sealed class OpenedImage(TileSourceLease lease, ResolvedFile file, string? projection, int frame) : IDisposable
{
    public ITileSource Source => lease.Source;

    public ResolvedFile File { get; } = file;

    public string? Projection { get; } = projection;

    public int Frame { get; } = frame;

    public void Dispose() => lease.Dispose();
}
