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
    public void Setup()
    {
        pipeline = new TilePipeline(Reader.Open(), OutputFormat.Parse(Format), Seed(Reader, Format, Viewports), Viewports);
        GdalBlockCacheFill.FillFor(Reader);
    }

    /// <summary>
    /// A seed per case: a case never reads tiles an earlier case left decoded in a reader's block cache; other
    /// benchmarks of the same case's tiles take the same seed.
    /// </summary>
    public static int Seed(TileReaderKind reader, string format, bool viewports) => ((int)reader << 8) | format[0] | (viewports ? 1 << 16 : 0);

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark]
    public byte[] Tile() => pipeline.RenderNext();
}
