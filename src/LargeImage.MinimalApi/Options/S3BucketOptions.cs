namespace LargeImage.MinimalApi.Options;

/// <summary>How one S3 bucket is reached (an entry of <see cref="RemoteOptions.S3Buckets"/>, keyed by bucket name).</summary>
public sealed class S3BucketOptions
{
    /// <summary>
    /// Base URL of an S3-compatible service, e.g. <c>http://127.0.0.1:9000</c> (MinIO, Ceph) or
    /// <c>https://s3.eu-central-1.amazonaws.com</c>. Default: AWS's regional endpoint for <see cref="Region"/>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Region used for request signing. Default <see cref="LargeImageDefaults.S3Region"/>.</summary>
    public string Region { get; set; } = LargeImageDefaults.S3Region;

    /// <summary>Access key; with none, requests are sent unsigned (public buckets). Default: none.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>Secret key belonging to <see cref="AccessKeyId"/>. Default: none.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Session token of temporary credentials. Default: none.</summary>
    public string? SessionToken { get; set; }

    /// <summary>
    /// Whether the bucket is addressed as <c>endpoint/bucket/key</c> rather than <c>bucket.endpoint/key</c>;
    /// most self-hosted S3 servers need it. Default <see cref="LargeImageDefaults.S3PathStyle"/>.
    /// </summary>
    public bool PathStyle { get; set; } = LargeImageDefaults.S3PathStyle;
}
