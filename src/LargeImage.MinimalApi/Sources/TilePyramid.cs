using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// large_image's virtual power-of-two pyramid over a full-resolution image: fixed-size tiles, level 0 the
/// coarsest (the whole image in one tile), each level twice the resolution of the one below. Files' own
/// levels are mapped onto it by the readers; this type only does the grid arithmetic.
/// </summary>
internal sealed class TilePyramid
{
    private const int MinStoredTileEdge = 64;
    private const int MaxStoredTileEdge = 512;

    public TilePyramid(long sizeX, long sizeY, int tileWidth, int tileHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeY);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        SizeX = sizeX;
        SizeY = sizeY;
        TileWidth = tileWidth;
        TileHeight = tileHeight;
        var ratio = Math.Max((double)sizeX / tileWidth, (double)sizeY / tileHeight);
        Levels = Math.Max(1, (int)Math.Ceiling(Math.Log2(ratio)) + 1);
    }

    /// <summary>
    /// The tile edge a file is served in: its stored tiles' when they are square, 64–512 px and do not divide
    /// <paramref name="fallback"/>, as large_image serves a file in its own tile size; else <paramref name="fallback"/>.
    /// A fallback tile over stored tiles that do not divide it decodes up to four of them, partly wasted (four 240²
    /// Aperio tiles for one 256² tile), where a tile of the stored size is one stored tile, decoded once or sent as
    /// stored. Stored tiles that divide it (libvips writes 128² by default) are joined whole, with no waste and fewer
    /// requests. Bigger stored tiles are not taken: one 1024² tile is sixteen of a viewer's usual ones.
    /// </summary>
    public static int EdgeFor(double? storedWidth, double? storedHeight, int fallback) =>
        storedWidth is { } width && storedHeight == width && width is >= MinStoredTileEdge and <= MaxStoredTileEdge
        && width == Math.Floor(width) && fallback % (int)width != 0
            ? (int)width
            : fallback;

    public long SizeX { get; }

    public long SizeY { get; }

    public int TileWidth { get; }

    public int TileHeight { get; }

    public int Levels { get; }

    /// <summary>Full-resolution pixels per pixel of level <paramref name="z"/>.</summary>
    public long ScaleOf(int z) => 1L << (Levels - 1 - z);

    /// <summary>The level whose scale is the largest not above <paramref name="downsample"/> (never coarser than asked).</summary>
    public int LevelForDownsample(double downsample)
    {
        var steps = downsample <= 1 ? 0 : (int)Math.Floor(Math.Log2(downsample) + 1e-9);
        return Math.Clamp(Levels - 1 - steps, 0, Levels - 1);
    }

    /// <exception cref="TileOutOfRangeException">The tile is outside the pyramid.</exception>
    public void CheckTile(int z, int x, int y)
    {
        if (z < 0 || z >= Levels)
        {
            throw new TileOutOfRangeException($"Level {z} does not exist; levels are 0 to {Levels - 1}.");
        }

        var scale = ScaleOf(z);
        if (x < 0 || (long)x * TileWidth * scale >= SizeX || y < 0 || (long)y * TileHeight * scale >= SizeY)
        {
            throw new TileOutOfRangeException($"Tile ({x}, {y}) is outside level {z}.");
        }
    }

    /// <summary>The tile's full window in full-resolution pixels, not clipped to the image.</summary>
    public PixelWindow TileWindow(int z, int x, int y)
    {
        CheckTile(z, x, y);
        var scale = ScaleOf(z);
        return new PixelWindow((double)x * TileWidth * scale, (double)y * TileHeight * scale, TileWidth * scale, TileHeight * scale);
    }

    /// <summary>Tile corners in full-resolution pixels, clipped to the image as large_image clips them.</summary>
    public TileCorners Corners(int z, int x, int y)
    {
        var window = TileWindow(z, x, y);
        return new TileCorners(window.Left, Math.Min(window.Right, SizeX), window.Top, Math.Min(window.Bottom, SizeY))
        {
            Units = "pixels",
        };
    }
}
