using System.Text.RegularExpressions;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Tells local paths from remote references and turns the remote ones into a <see cref="RemoteReference"/>.
/// Only four remote forms exist: <c>s3://</c>, <c>http(s)://</c>, <c>/vsis3/</c> and <c>/vsicurl/</c> with an
/// HTTP(S) URL. Every other scheme and GDAL virtual file system (<c>file://</c>, <c>/vsizip/</c>, <c>/vsimem/</c>,
/// <c>/vsistdin/</c>, chained <c>/vsicurl//vsis3/…</c>, <c>/vsicurl?</c> options, …) is refused here, because each
/// can reach files or hosts that the allow-lists never see.
/// </summary>
internal static partial class RemoteReferenceParser
{
    private const string VsiS3 = "/vsis3/";
    private const string VsiCurl = "/vsicurl/";

    /// <summary>A path without the query a remote URL in it may carry (a signature, say), for naming the file.</summary>
    public static string WithoutQuery(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }

    /// <summary>
    /// Null for a local path (relative or absolute, to be checked against the roots), else the remote reference.
    /// </summary>
    /// <exception cref="FileAccessDeniedException">The reference uses a form that is never allowed.</exception>
    public static RemoteReference? Parse(string reference)
    {
        // char.IsControl's two ranges, searched vectorised: every request's reference passes here.
        if (reference.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0 || reference.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0)
        {
            throw new FileAccessDeniedException("The file reference contains control characters.");
        }

        if (reference.StartsWith(VsiS3, StringComparison.Ordinal))
        {
            return ParseS3(reference[VsiS3.Length..], reference);
        }

        if (reference.StartsWith(VsiCurl, StringComparison.Ordinal))
        {
            return ParseHttp(reference[VsiCurl.Length..]);
        }

        // GDAL matches its prefixes case-sensitively, but refusing every spelling costs nothing and rules out surprises.
        if (reference.StartsWith("/vsi", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileAccessDeniedException("Only the /vsis3/ and /vsicurl/ GDAL virtual file systems are allowed.");
        }

        var scheme = SchemePattern().Match(reference);
        if (!scheme.Success)
        {
            return null;
        }

        return scheme.Groups[1].Value.ToLowerInvariant() switch
        {
            "s3" when scheme.Groups[2].Success => ParseS3(reference[scheme.Length..], reference),
            "http" or "https" => ParseHttp(reference),
            _ => throw new FileAccessDeniedException($"The scheme '{scheme.Groups[1].Value}:' is not allowed."),
        };
    }

    private static RemoteReference ParseS3(string bucketAndKey, string reference)
    {
        var slash = bucketAndKey.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? bucketAndKey : bucketAndKey[..slash];
        var key = slash < 0 ? string.Empty : bucketAndKey[(slash + 1)..];
        if (!RemoteReference.IsBucketName(bucket) || key.Length == 0 || key.StartsWith('/'))
        {
            throw new FileAccessDeniedException($"'{reference}' is not an S3 object reference (s3://bucket/key).");
        }

        return RemoteReference.S3(bucket, key);
    }

    private static RemoteReference ParseHttp(string text)
    {
        // .NET's URL parser and curl's disagree on backslashes, user info and percent-encoded hosts; such URLs are
        // refused so the host we check is the host GDAL and HttpClient connect to.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || !text.StartsWith(url.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            || Authority(text[(url.Scheme.Length + 3)..]).IndexOfAny(['\\', '@', '%', ' ']) >= 0
            || url.UserInfo.Length > 0
            || url.Host.Length == 0)
        {
            throw new FileAccessDeniedException("Only plain http:// and https:// URLs are allowed as remote references.");
        }

        return RemoteReference.Http(url);
    }

    private static string Authority(string afterScheme)
    {
        var end = afterScheme.IndexOfAny(['/', '?', '#']);
        return end < 0 ? afterScheme : afterScheme[..end];
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):(//)?")]
    private static partial Regex SchemePattern();
}
