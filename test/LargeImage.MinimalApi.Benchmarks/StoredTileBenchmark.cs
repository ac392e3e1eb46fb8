using BenchmarkDotNet.Attributes;
using LargeImage.MinimalApi.Rendering;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// A JPEG tile asked for without a quality, from the JPEG pyramid: the stored tile read and its header checked, no
/// decode or encode. The same tiles and access orders as <see cref="TileReadBenchmark"/>'s libvips JPEG cases.
/// </summary>
[PerTileJob]
[MemoryDiagnoser]
public class StoredTileBenchmark
{
    private TilePipeline pipeline = null!;

    /// <summary>Scattered single tiles or 4 × 3 viewports, as in <see cref="TileReadBenchmark"/>.</summary>
    [Params(false, true)]
    public bool Viewports { get; set; }

    [GlobalSetup]
    public void Setup() =>
        pipeline = new TilePipeline(TileReaderKind.Vips.Open(), OutputFormat.Jpeg, TileReadBenchmark.Seed(TileReaderKind.Vips, "jpeg", Viewports), Viewports);

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark]
    public byte[] Tile() => pipeline.StoredNext();
}
