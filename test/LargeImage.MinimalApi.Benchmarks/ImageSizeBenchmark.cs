using BenchmarkDotNet.Attributes;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources.Vips;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Per-tile cost against image size: the same pattern as a 4096² and a 65536² JPEG pyramid (256× the pixels), read
/// with libvips and encoded as JPEG. A reader that scanned, decoded or indexed more than the tile would show here.
/// </summary>
[PerTileJob]
[MemoryDiagnoser]
public class ImageSizeBenchmark
{
    private TilePipeline pipeline = null!;

    [Params(4096, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() =>
        pipeline = new TilePipeline(new VipsReader().Open(BenchmarkImages.Pyramid(Size), null), OutputFormat.Jpeg, Size);

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark]
    public byte[] Tile() => pipeline.RenderNext();
}
