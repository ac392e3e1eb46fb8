using System.Text.RegularExpressions;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// A syntactically valid remote file reference, in the one canonical form everything downstream uses: an S3
/// object (<see cref="Bucket"/> and <see cref="Key"/>) or an HTTP(S) URL (<see cref="Url"/>). Whether it is
/// <em>allowed</em> is <see cref="RemoteAllowList"/>'s decision.
/// </summary>
internal sealed partial record RemoteReference
{
    private RemoteReference(string? bucket, string key, Uri? url)
    {
        Bucket = bucket;
        Key = key;
        Url = url;
    }

    /// <summary>The S3 bucket, or null for an HTTP(S) URL.</summary>
    public string? Bucket { get; }

    /// <summary>The S3 object key (no leading slash), or the URL's path for HTTP(S).</summary>
    public string Key { get; }

    /// <summary>The canonical URL of an HTTP(S) reference, or null for S3.</summary>
    public Uri? Url { get; }

    /// <summary>The path GDAL opens: <c>/vsis3/bucket/key</c> or <c>/vsicurl/url</c>.</summary>
    public string GdalPath => Bucket is null ? "/vsicurl/" + Url!.AbsoluteUri : $"/vsis3/{Bucket}/{Key}";

    /// <summary>How the reference is shown to people: <c>s3://bucket/key</c> or the URL.</summary>
    public string Display => Bucket is null ? Url!.AbsoluteUri : $"s3://{Bucket}/{Key}";

    /// <summary>The last path segment, which carries the extension readers rank by.</summary>
    public string FileName => Path.GetFileName(Bucket is null ? Url!.AbsolutePath : Key);

    public static RemoteReference S3(string bucket, string key) => new(bucket, key, null);

    public static RemoteReference Http(Uri url) => new(null, url.AbsolutePath.TrimStart('/'), url);

    /// <summary>S3's bucket naming rules: no upper case, no underscores, so the name is also a valid host label.</summary>
    public static bool IsBucketName(string name) => BucketPattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();
}
