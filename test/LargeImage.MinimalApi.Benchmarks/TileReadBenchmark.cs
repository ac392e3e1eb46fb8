using BenchmarkDotNet.Attributes;
using LargeImage.MinimalApi.Rendering;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>Uncached read + render + encode of one tile, per reader and output format.</summary>
[PerTileJob]
[MemoryDiagnoser]
public class TileReadBenchmark
{
    private TilePipeline pipeline = null!;

    [Params(TileReaderKind.GdalNative, TileReaderKind.GdalWebMercator, TileReaderKind.Vips, TileReaderKind.OpenSlide)]
    public TileReaderKind Reader { get; set; }

    [Params("jpeg", "png", "webp")]
    public string Format { get; set; } = "jpeg";

    /// <summary>Scattered single tiles (every read decodes its own blocks) or 4 × 3 viewports (neighbours share them).</summary>
    [Params(false, true)]
    public bool Viewports { get; set; }

    [GlobalSetup]
    public void Setup() =>
        // A seed per case: a case never reads tiles an earlier case left decoded in a reader's block cache.
        pipeline = new TilePipeline(Reader.Open(), OutputFormat.Parse(Format), ((int)Reader << 8) | Format[0] | (Viewports ? 1 << 16 : 0), Viewports);

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark]
    public byte[] Tile() => pipeline.RenderNext();
}
