using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Models;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// One opened image in one grid (its native pixel grid, or a projection such as EPSG:3857), as large_image's
/// tile source is. Implementations must be safe for concurrent calls: the open-reader cache shares one instance
/// between requests.
/// </summary>
internal interface ITileSource : IDisposable
{
    /// <summary>The reader's name (<c>gdal</c>, <c>vips</c>, <c>openslide</c>).</summary>
    string Reader { get; }

    /// <summary>large_image metadata of the opened grid.</summary>
    ImageMetadata Metadata { get; }

    /// <summary>Number of frames (1 for single-frame images).</summary>
    int FrameCount { get; }

    /// <summary>Reader-specific metadata (driver, geotransform, TIFF tags, slide properties, warnings).</summary>
    JsonObject GetInternalMetadata();

    /// <summary>Band descriptions with statistics for one frame, in band order (index 0 is band 1).</summary>
    IReadOnlyList<BandInfo> GetBands(int frame);

    /// <summary>
    /// What rendering 8-bit samples needs of the bands: interpretation and colour table. Sources whose statistics cost
    /// a read of the image answer without them (libvips and OpenSlide from the band count, GDAL from its band
    /// descriptions), so the first tile of a newly opened file does not wait for statistics it does not use.
    /// </summary>
    IReadOnlyList<BandInfo> GetBandLayout(int frame) => GetBands(frame);

    /// <summary>
    /// Reads tile (<paramref name="z"/>, <paramref name="x"/>, <paramref name="y"/>) of the opened grid, z = 0 being
    /// the lowest resolution. Always TileWidth × TileHeight; pixels beyond the image are masked out.
    /// </summary>
    /// <exception cref="Errors.TileOutOfRangeException">The tile is outside the pyramid.</exception>
    Raster ReadTile(int z, int x, int y, ReadOptions options);

    /// <summary>
    /// Tile (<paramref name="z"/>, <paramref name="x"/>, <paramref name="y"/>) of <paramref name="frame"/> as the file
    /// stores it, when that is a complete JPEG of exactly this tile whose default rendering is its own pixels; else
    /// null. Sending it spares a decode and a second lossy encode, as large_image does for JPEG-compressed TIFF tiles.
    /// </summary>
    /// <exception cref="Errors.TileOutOfRangeException">The tile is outside the pyramid.</exception>
    byte[]? ReadStoredJpegTile(int z, int x, int y, int frame) => null;

    /// <summary>Tile corners in the opened grid's units (pixels, or projected metres).</summary>
    TileCorners GetTileCorners(int z, int x, int y);

    /// <summary>
    /// Reads <paramref name="window"/> (in full-resolution pixels of the opened grid; may extend beyond the image,
    /// which is then masked) resampled to <paramref name="width"/> × <paramref name="height"/>.
    /// </summary>
    Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options);

    /// <summary>Raw sample values per band at a full-resolution pixel, or null when it is off the image.</summary>
    IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options);

    /// <summary>Names of associated images (label, macro, thumbnail, …).</summary>
    IReadOnlyList<string> AssociatedImageNames { get; }

    /// <summary>Reads one associated image whole.</summary>
    /// <exception cref="Errors.ImageNotFoundException">No associated image has that name.</exception>
    Raster ReadAssociatedImage(string name);
}
