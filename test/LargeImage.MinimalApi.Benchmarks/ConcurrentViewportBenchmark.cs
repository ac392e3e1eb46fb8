using BenchmarkDotNet.Attributes;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// A 4 × 3 viewport of uncached JPEG tiles through one reader, asked for by as many concurrent requests as a browser
/// sends (6) or one at a time: concurrent reads land on different GDAL dataset handles, each with its own block
/// cache, unless a read names the block it needs. One viewport per measured iteration; both cases read the same tiles.
/// </summary>
[PerTileJob]
[MemoryDiagnoser]
public class ConcurrentViewportBenchmark
{
    private const int ViewportTiles = 12;

    private ITileSource source = null!;
    private (int Z, int X, int Y)[] tiles = [];
    private int next;

    [Params(TileReaderKind.GdalNative, TileReaderKind.GdalWebMercator)]
    public TileReaderKind Reader { get; set; }

    [Params(1, 6)]
    public int Requests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        source = Reader.Open();
        var picked = TilePipeline.Pick(source, 400 * ViewportTiles, 4409 + (int)Reader, viewports: true);
        tiles = picked[..(picked.Length / ViewportTiles * ViewportTiles)];
        GdalBlockCacheFill.FillFor(Reader);
    }

    [GlobalCleanup]
    public void Cleanup() => source.Dispose();

    [Benchmark]
    public void Viewport()
    {
        var viewport = tiles[next..(next + ViewportTiles)];
        next = (next + ViewportTiles) % tiles.Length;
        Parallel.ForEach(viewport, new ParallelOptions { MaxDegreeOfParallelism = Requests }, tile => TilePipeline.Render(source, OutputFormat.Jpeg, tile));
    }
}
