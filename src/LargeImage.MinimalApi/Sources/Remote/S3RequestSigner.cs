using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LargeImage.MinimalApi.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Addresses and signs S3 GET/HEAD requests (AWS Signature Version 4). Bodiless reads are all the checkout needs,
/// which keeps this a page of code instead of a dependency on the AWS SDK.
/// </summary>
internal static class S3RequestSigner
{
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The object's URL: path style <c>endpoint/bucket/key</c> or virtual-hosted <c>bucket.endpoint/key</c>.</summary>
    public static Uri ObjectUrl(S3BucketOptions bucket, string bucketName, string key)
    {
        var endpoint = new Uri(bucket.Endpoint ?? $"https://s3.{bucket.Region}.amazonaws.com");
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        return bucket.PathStyle
            ? new Uri($"{endpoint.Scheme}://{endpoint.Authority}{basePath}/{bucketName}/{path}")
            : new Uri($"{endpoint.Scheme}://{bucketName}.{endpoint.Authority}{basePath}/{path}");
    }

    /// <summary>Adds the signature headers; requests to a bucket without credentials go unsigned.</summary>
    public static void Sign(HttpRequestMessage request, S3BucketOptions bucket, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(bucket.AccessKeyId) || string.IsNullOrEmpty(bucket.SecretAccessKey))
        {
            return;
        }

        var url = request.RequestUri!;
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = url.Authority,
            ["x-amz-content-sha256"] = EmptyPayloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (!string.IsNullOrEmpty(bucket.SessionToken))
        {
            headers["x-amz-security-token"] = bucket.SessionToken;
        }

        if (request.Headers.Range is { } range)
        {
            headers["range"] = range.ToString();
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join(
            '\n',
            request.Method.Method,
            url.AbsolutePath,
            CanonicalQuery(url),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            EmptyPayloadHash);
        var scope = $"{date}/{bucket.Region}/s3/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + bucket.SecretAccessKey), date);
        key = Hmac(key, bucket.Region);
        key = Hmac(key, "s3");
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        foreach (var (name, value) in headers.Where(h => h.Key is not "host" and not "range"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={bucket.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static string CanonicalQuery(Uri url) =>
        string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
