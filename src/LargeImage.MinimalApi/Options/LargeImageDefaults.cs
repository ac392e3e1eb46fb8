namespace LargeImage.MinimalApi.Options;

/// <summary>Every default of <see cref="LargeImageOptions"/>, in one place.</summary>
public static class LargeImageDefaults
{
    /// <summary>Folder that relative file references resolve against.</summary>
    public const string MediaRoot = "media";

    /// <summary>Edge of a tile, in pixels.</summary>
    public const int TileSize = 256;

    /// <summary>Largest output (width × height) of a region or thumbnail: 8192².</summary>
    public const long MaxOutputPixels = 8192L * 8192L;

    /// <summary>Long side of the bounded read that histograms are computed on.</summary>
    public const int HistogramMaxSize = 2048;

    /// <summary>Default <c>max_width</c>/<c>max_height</c> of thumbnails.</summary>
    public const int ThumbnailSize = 256;

    /// <summary>GDAL dataset handles kept per open file so concurrent reads of one file do not serialise.</summary>
    public const int DatasetHandlesPerFile = 4;

    /// <summary>Open readers kept in the reader cache.</summary>
    public const int MaxOpenReaders = 64;

    /// <summary>Whether a web-mercator tile inside the world but outside the image is a transparent tile (else 404).</summary>
    public const bool TransparentOutsideImage = true;

    /// <summary>Default JPEG/WebP quality.</summary>
    public const int Quality = 90;
}
