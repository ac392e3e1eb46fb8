using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Brings GDAL's block cache to where a server's is after its first few hundred tiles: full, so every block a
/// measured tile decodes takes the memory of one it evicts. While the cache fills, each 768 KB block lands on pages
/// the kernel maps and zeroes first (measured on the UTM COG: a scattered native tile 5.7 ms while it fills, 2.7 once
/// full), a cost a server pays once, for its first cache-full of blocks. The filler reads whole blocks of its own
/// reader of the UTM COG, distinct from the measured reader's handles, so a measured tile never finds its blocks
/// already decoded.
/// </summary>
internal static class GdalBlockCacheFill
{
    private static readonly Lazy<ITileSource> Filler = new(() => TileReaderKind.GdalNative.Open());
    private static int next;

    /// <summary>
    /// Before a case of <paramref name="kind"/>, when it reads through GDAL: decodes a quarter more blocks than the cache
    /// holds, continuing where the previous fill stopped.
    /// </summary>
    public static void FillFor(TileReaderKind kind)
    {
        if (kind is not (TileReaderKind.GdalNative or TileReaderKind.GdalWebMercator))
        {
            return;
        }

        var source = Filler.Value;
        var metadata = source.Metadata;
        // Full-resolution tiles at even columns and rows start blocks: each read decodes one block none before it did.
        var stride = BenchmarkImages.UtmCogBlockSize / metadata.TileWidth;
        var across = (int)(metadata.SizeX / BenchmarkImages.UtmCogBlockSize);
        var blocks = across * (int)(metadata.SizeY / BenchmarkImages.UtmCogBlockSize);
        var blockBytes = (long)BenchmarkImages.UtmCogBlockSize * BenchmarkImages.UtmCogBlockSize * metadata.BandCount;
        var wanted = Math.Min(blocks, Interop.Gdal.CacheMaxBytes() * 5 / 4 / blockBytes);
        for (var i = 0; i < wanted; i++)
        {
            var block = next++ % blocks;
            source.ReadTile(metadata.Levels - 1, block % across * stride, block / across * stride, ReadOptions.Default).Release();
        }
    }
}
