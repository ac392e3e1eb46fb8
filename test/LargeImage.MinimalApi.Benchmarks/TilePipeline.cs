using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// What the tile endpoint does after its cache missed — read, default render, encode, or the stored tile's read — without HTTP, routing or the
/// rendered-bytes cache, over a fixed-seed list of distinct tiles, scattered or in viewports, so no call asks for a tile twice.
/// </summary>
internal sealed class TilePipeline(ITileSource source, OutputFormat format, int seed, bool viewports = false, int distinctTiles = 4096)
    : IDisposable
{
    private readonly (int Z, int X, int Y)[] tiles = Pick(source, distinctTiles, seed, viewports);
    private int next;

    public byte[] RenderNext() => Render(source, format, Next());

    /// <summary>
    /// The next tile as the file stores it, what the tile route sends for a JPEG asked for without a quality; throws
    /// when the tile is not stored as one JPEG, so a benchmark cannot time the fallback unnoticed.
    /// </summary>
    public byte[] StoredNext() => ReadStored(source, Next());

    /// <summary>One tile's read, default render and encode; safe to call from several threads on one source.</summary>
    public static byte[] Render(ITileSource source, OutputFormat format, (int Z, int X, int Y) tile)
    {
        var raster = source.ReadTile(tile.Z, tile.X, tile.Y, ReadOptions.Default);
        var rendered = DefaultRenderer.Render(raster, source.GetBands(0));
        var encoded = ImageEncoder.Encode(rendered, format, Options.LargeImageDefaults.Quality);
        raster.Release();
        rendered.Release();
        return encoded;
    }

    /// <summary>One tile as stored; safe to call from several threads on one source.</summary>
    public static byte[] ReadStored(ITileSource source, (int Z, int X, int Y) tile) =>
        source.ReadStoredJpegTile(tile.Z, tile.X, tile.Y, 0) ?? throw new InvalidOperationException($"Tile {tile} is not stored as one JPEG.");

    public void Dispose() => source.Dispose();

    private (int Z, int X, int Y) Next()
    {
        var tile = tiles[next];
        next = (next + 1) % tiles.Length;
        return tile;
    }

    /// <summary>Distinct tiles over the source's three most detailed levels, in its own grid.</summary>
    public static (int Z, int X, int Y)[] Pick(ITileSource source, int count, int seed, bool viewports = false)
    {
        var metadata = source.Metadata;
        var wgs84 = metadata.Projection is not null && metadata.Bounds is { } b ? (b.XMin, b.YMin, b.XMax, b.YMax) : default((double, double, double, double)?);
        return TileCoordinates.Pick(metadata.Levels, metadata.SizeX, metadata.SizeY, metadata.TileWidth, wgs84, count, seed, viewports);
    }
}
