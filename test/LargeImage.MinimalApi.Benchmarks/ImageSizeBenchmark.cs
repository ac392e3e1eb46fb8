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
    // Every whole tile of the 4096² pyramid's three most detailed levels (16² + 8² + 4²). Both sizes cycle through as
    // many distinct tiles, so their compressed data is equally (un)likely to be in the CPU's caches: with 4096
    // distinct tiles against the small image's 336, the 65536² one measured 0.89–1.39× over five runs.
    private const int DistinctTiles = 336;

    private TilePipeline pipeline = null!;

    [Params(4096, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = BenchmarkImages.Pyramid(Size);

        // Read through once so the 1.6 GB file is in the page cache as the 6 MB one always is: the comparison is of
        // the reader's work, not of the disk (a cold 65536² file measured 2.9× the 4096² one).
        using (var file = File.OpenRead(path))
        {
            file.CopyTo(Stream.Null);
        }

        pipeline = new TilePipeline(new VipsReader().Open(path, null), OutputFormat.Jpeg, Size, distinctTiles: DistinctTiles);
    }

    [GlobalCleanup]
    public void Cleanup() => pipeline.Dispose();

    [Benchmark]
    public byte[] Tile() => pipeline.RenderNext();
}
