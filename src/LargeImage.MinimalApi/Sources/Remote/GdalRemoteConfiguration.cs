using System.Globalization;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Prepares GDAL's virtual file systems before the first remote open: process-wide settings that make
/// cloud-optimized reads cheap and failures fast, then each configured bucket's endpoint and credentials as
/// options for <c>/vsis3/bucket</c> only.
/// </summary>
internal sealed class GdalRemoteConfiguration
{
    private readonly Lazy<bool> applied;

    public GdalRemoteConfiguration(IOptions<LargeImageOptions> options, RemoteVersionCache versions)
    {
        var remote = options.Value.Remote;
        applied = new Lazy<bool>(() => Apply(remote));
        versions.Changed += reference =>
        {
            if (applied.IsValueCreated)
            {
                Interop.Gdal.CurlPartialClearCache(reference.GdalPath);
            }
        };
    }

    /// <summary>Applies the settings once per process; safe to call before every remote open.</summary>
    public void EnsureApplied() => _ = applied.Value;

    /// <summary>The process-wide settings: ours, then the configured overrides.</summary>
    internal static Dictionary<string, string> GlobalSettings(RemoteOptions remote)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Opening a COG must not list its folder (one LIST per open, slow and often forbidden).
            ["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR",
            ["GDAL_HTTP_MERGE_CONSECUTIVE_RANGES"] = "YES",
            ["GDAL_HTTP_MULTIPLEX"] = "YES",
            ["VSI_CACHE"] = "TRUE",
            ["VSI_CACHE_SIZE"] = remote.VsiCacheBytes.ToString(CultureInfo.InvariantCulture),
            ["GDAL_HTTP_TIMEOUT"] = remote.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["GDAL_HTTP_CONNECTTIMEOUT"] = remote.ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["GDAL_HTTP_MAX_RETRY"] = remote.MaxRetry.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in remote.GdalConfig)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The options of one bucket, as GDAL's <c>/vsis3/</c> names them.</summary>
    internal static Dictionary<string, string> BucketSettings(S3BucketOptions bucket)
    {
        var endpoint = new Uri(bucket.Endpoint ?? $"https://s3.{bucket.Region}.amazonaws.com");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_S3_ENDPOINT"] = endpoint.Authority + endpoint.AbsolutePath.TrimEnd('/'),
            ["AWS_HTTPS"] = endpoint.Scheme == Uri.UriSchemeHttps ? "YES" : "NO",
            ["AWS_VIRTUAL_HOSTING"] = bucket.PathStyle ? "FALSE" : "TRUE",
            ["AWS_REGION"] = bucket.Region,
        };
        if (string.IsNullOrEmpty(bucket.AccessKeyId))
        {
            // Without this GDAL would hunt for credentials, including the cloud metadata service.
            settings["AWS_NO_SIGN_REQUEST"] = "YES";
        }
        else
        {
            settings["AWS_NO_SIGN_REQUEST"] = "NO";
            settings["AWS_ACCESS_KEY_ID"] = bucket.AccessKeyId;
            settings["AWS_SECRET_ACCESS_KEY"] = bucket.SecretAccessKey ?? string.Empty;
            if (!string.IsNullOrEmpty(bucket.SessionToken))
            {
                settings["AWS_SESSION_TOKEN"] = bucket.SessionToken;
            }
        }

        return settings;
    }

    private static bool Apply(RemoteOptions remote)
    {
        foreach (var (key, value) in GlobalSettings(remote))
        {
            Interop.Gdal.SetConfigOption(key, value);
        }

        foreach (var (name, bucket) in remote.S3Buckets)
        {
            foreach (var (key, value) in BucketSettings(bucket))
            {
                // GDAL matches by prefix: without the slash, bucket "data"'s credentials would apply to "data-public".
                Interop.Gdal.SetPathSpecificOption($"/vsis3/{name}/", key, value);
            }
        }

        return true;
    }
}
