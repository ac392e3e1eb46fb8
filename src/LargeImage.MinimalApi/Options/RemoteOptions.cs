using System.ComponentModel.DataAnnotations;

namespace LargeImage.MinimalApi.Options;

/// <summary>
/// Which remote files (S3 objects, HTTP(S) URLs) may be read and how (section <c>LargeImage:Remote</c>).
/// Nothing remote is allowed until a host or bucket is listed here.
/// </summary>
public sealed class RemoteOptions
{
    /// <summary>
    /// Hosts that <c>http(s)://</c> and <c>/vsicurl/</c> references may name: <c>example.com</c> (default port only),
    /// <c>example.com:8443</c>, or <c>*.example.com</c> (any subdomain, default port). IP literals and
    /// <c>localhost</c> are only matched by an exact entry, so cloud metadata addresses stay unreachable unless listed.
    /// Default: none.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>
    /// The S3 buckets that <c>s3://</c> and <c>/vsis3/</c> references may name, each with its own endpoint and
    /// credentials; a bucket not listed is refused. Default: none.
    /// </summary>
    public IDictionary<string, S3BucketOptions> S3Buckets { get; set; } = new Dictionary<string, S3BucketOptions>(StringComparer.Ordinal);

    /// <summary>
    /// Seconds a request to a remote store may take before it fails (GDAL's <c>GDAL_HTTP_TIMEOUT</c> and the
    /// checkout's own requests). Default <see cref="LargeImageDefaults.RemoteTimeoutSeconds"/>.
    /// </summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = LargeImageDefaults.RemoteTimeoutSeconds;

    /// <summary>
    /// Seconds to wait for a connection (<c>GDAL_HTTP_CONNECTTIMEOUT</c>), so a dead server fails fast.
    /// Default <see cref="LargeImageDefaults.RemoteConnectTimeoutSeconds"/>.
    /// </summary>
    [Range(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = LargeImageDefaults.RemoteConnectTimeoutSeconds;

    /// <summary>Retries of a failed GDAL HTTP request (<c>GDAL_HTTP_MAX_RETRY</c>). Default <see cref="LargeImageDefaults.RemoteMaxRetry"/>.</summary>
    [Range(0, 10)]
    public int MaxRetry { get; set; } = LargeImageDefaults.RemoteMaxRetry;

    /// <summary>
    /// Seconds a remote object's validator (ETag and size, from a HEAD request) is trusted before it is asked
    /// again, so tiles do not each cost a HEAD. Default <see cref="LargeImageDefaults.RemoteValidatorSeconds"/>.
    /// </summary>
    [Range(0, 86400)]
    public int ValidatorSeconds { get; set; } = LargeImageDefaults.RemoteValidatorSeconds;

    /// <summary>Bytes of GDAL's per-file block cache for remote reads (<c>VSI_CACHE_SIZE</c>). Default <see cref="LargeImageDefaults.VsiCacheBytes"/>.</summary>
    [Range(0, long.MaxValue)]
    public long VsiCacheBytes { get; set; } = LargeImageDefaults.VsiCacheBytes;

    /// <summary>
    /// GDAL configuration options applied process-wide before the first remote read; they override ours
    /// (e.g. <c>GDAL_HTTP_MULTIPLEX</c>, <c>CPL_VSIL_CURL_ALLOWED_EXTENSIONS</c>, <c>GDAL_HTTP_PROXY</c>). Default: none.
    /// </summary>
    public IDictionary<string, string> GdalConfig { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Folder where remote objects are copied for readers that need a local file (libvips, OpenSlide); shared
    /// safely by several processes. Default: <c>largeimage-checkout</c> in the system's temporary folder.
    /// </summary>
    public string? CheckoutFolder { get; set; }

    /// <summary>
    /// Bytes the checkout folder may hold; the least recently used copies not in use are removed beyond it.
    /// Default <see cref="LargeImageDefaults.CheckoutMaxBytes"/>.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long CheckoutMaxBytes { get; set; } = LargeImageDefaults.CheckoutMaxBytes;
}
