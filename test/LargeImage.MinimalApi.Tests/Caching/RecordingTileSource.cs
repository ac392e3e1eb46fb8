using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>
/// A stand-in reader for the reader cache's own bookkeeping tests only: it records disposal and fails loudly when used
/// after it. Endpoint tests use real readers.
/// </summary>
internal sealed class RecordingTileSource(string path, string? version) : ITileSource
{
    private int disposals;

    public string Path { get; } = path;

    /// <summary>The file version the reader was given.</summary>
    public string? Version { get; } = version;

    public int Disposals => Volatile.Read(ref disposals);

    public bool IsDisposed => Disposals > 0;

    public string Reader => "recording";

    public ImageMetadata Metadata => throw new NotSupportedException();

    public int FrameCount => Use(() => 1);

    public IReadOnlyList<string> AssociatedImageNames => [];

    /// <summary>A "read" that takes a while and checks, before and after, that nobody closed the source meanwhile.</summary>
    public void SlowRead(TimeSpan duration)
    {
        Use(() => 0);
        Thread.Sleep(duration);
        Use(() => 0);
    }

    public void Dispose() => Interlocked.Increment(ref disposals);

    public JsonObject GetInternalMetadata() => throw new NotSupportedException();

    public IReadOnlyList<BandInfo> GetBands(int frame) => throw new NotSupportedException();

    public Raster ReadTile(int z, int x, int y, ReadOptions options) => throw new NotSupportedException();

    public TileCorners GetTileCorners(int z, int x, int y) => throw new NotSupportedException();

    public Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options) => throw new NotSupportedException();

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options) => throw new NotSupportedException();

    public Raster ReadAssociatedImage(string name) => throw new NotSupportedException();

    private T Use<T>(Func<T> value) => IsDisposed ? throw new ObjectDisposedException(Path, "Used after dispose.") : value();
}
