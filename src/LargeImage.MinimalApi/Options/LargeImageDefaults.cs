namespace LargeImage.MinimalApi.Options;

/// <summary>Every default of <see cref="LargeImageOptions"/>, in one place.</summary>
public static class LargeImageDefaults
{
    /// <summary>Folder that relative file references resolve against.</summary>
    public const string MediaRoot = "media";

    /// <summary>Seconds a remote request may take.</summary>
    public const int RemoteTimeoutSeconds = 30;

    /// <summary>Seconds to wait for a connection to a remote store.</summary>
    public const int RemoteConnectTimeoutSeconds = 5;

    /// <summary>Retries of a failed GDAL HTTP request: none, so a dead server fails fast.</summary>
    public const int RemoteMaxRetry = 0;

    /// <summary>Seconds a remote object's ETag and size are trusted before the next HEAD.</summary>
    public const int RemoteValidatorSeconds = 30;

    /// <summary>GDAL's remote block cache: 64 MiB.</summary>
    public const long VsiCacheBytes = 64L * 1024 * 1024;

    /// <summary>Size bound of the local checkout of remote objects: 10 GiB.</summary>
    public const long CheckoutMaxBytes = 10L * 1024 * 1024 * 1024;

    /// <summary>Region S3 requests are signed for.</summary>
    public const string S3Region = "us-east-1";

    /// <summary>Whether S3 buckets are addressed path-style.</summary>
    public const bool S3PathStyle = false;

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

    /// <summary>
    /// GDAL's block cache, in MiB, unless <c>GDAL_CACHEMAX</c> is set: GDAL's own default, 5% of RAM, grows a server's
    /// memory by gigabytes on big machines before it reuses a block.
    /// </summary>
    public const int GdalBlockCacheMiB = 256;

    /// <summary>Open readers kept in the reader cache.</summary>
    public const int MaxOpenReaders = 64;

    /// <summary>
    /// Files whose facts (layout, levels, subdatasets, reader ranking) are remembered for a reopen, for each open reader
    /// kept: files that cycle through the reader cache stay remembered.
    /// </summary>
    internal const int RememberedFilesPerOpenReader = 4;

    /// <summary>
    /// Files remembered at least, however few readers are kept open: what is remembered is small, and a reopen without
    /// it costs as much as a first open.
    /// </summary>
    internal const int RememberedFiles = RememberedFilesPerOpenReader * MaxOpenReaders;

    /// <summary>Whether a web-mercator tile inside the world but outside the image is a transparent tile (else 404).</summary>
    public const bool TransparentOutsideImage = true;

    /// <summary>Default JPEG/WebP quality.</summary>
    public const int Quality = 90;

    /// <summary>How long a rendered response stays cached: one day.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromDays(1);

    /// <summary>Bytes held by the in-memory rendered-bytes cache: 256 MiB.</summary>
    public const long CacheMemorySizeLimitBytes = 256L * 1024 * 1024;

    /// <summary>Largest rendered output that is cached: 8 MiB.</summary>
    public const long CacheMaxBytesPerEntry = 8L * 1024 * 1024;

    /// <summary>The longest a request waits for Redis: 500 ms.</summary>
    public static readonly TimeSpan CacheRedisTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a failing Redis is left alone: 10 s.</summary>
    public static readonly TimeSpan CacheRedisRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary><c>Cache-Control</c> of image and JSON responses.</summary>
    public const string CacheControl = "public, max-age=86400";

    /// <summary>Whether responses carry a <c>Server-Timing</c> header with the render phases.</summary>
    public const bool ServerTiming = false;
}
