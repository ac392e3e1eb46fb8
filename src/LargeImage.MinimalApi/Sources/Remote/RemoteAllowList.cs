using System.Net;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Decides whether a remote reference may be read: its bucket must be configured, or its host (and port) must
/// match an entry of <see cref="RemoteOptions.AllowedHosts"/>. Wildcard entries match DNS names only, so an IP
/// literal or <c>localhost</c> needs an entry of its own.
/// </summary>
internal sealed class RemoteAllowList
{
    private readonly HashSet<string> exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> suffixes = [];
    private readonly IDictionary<string, S3BucketOptions> buckets;

    public RemoteAllowList(IOptions<LargeImageOptions> options)
    {
        var remote = options.Value.Remote;
        buckets = remote.S3Buckets;
        foreach (var entry in remote.AllowedHosts)
        {
            var (host, port) = ParseEntry(entry);
            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                suffixes.Add(host[1..]);
            }
            else
            {
                exact.Add(port is null ? host : $"{host}:{port}");
            }
        }
    }

    /// <summary>Whether anything remote can be allowed at all.</summary>
    public bool IsEmpty => exact.Count == 0 && suffixes.Count == 0 && buckets.Count == 0;

    /// <summary>The configuration of an allowed bucket.</summary>
    /// <exception cref="FileAccessDeniedException">The reference is not allowed.</exception>
    public S3BucketOptions? Demand(RemoteReference reference)
    {
        if (reference.Bucket is { } bucket)
        {
            return buckets.TryGetValue(bucket, out var options)
                ? options
                : throw new FileAccessDeniedException($"The S3 bucket '{bucket}' is not on the allow-list.");
        }

        var url = reference.Url!;
        if (!IsAllowed(url))
        {
            throw new FileAccessDeniedException($"The host '{url.Authority}' is not on the allow-list.");
        }

        return null;
    }

    /// <summary>Parses an allow-list entry: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> or <c>*.domain</c>.</summary>
    /// <exception cref="FormatException">The entry is not one of those forms.</exception>
    internal static (string Host, int? Port) ParseEntry(string entry)
    {
        var wildcard = entry.StartsWith("*.", StringComparison.Ordinal);
        var text = wildcard ? "w" + entry[1..] : entry;
        if (string.IsNullOrWhiteSpace(entry)
            || !Uri.TryCreate("http://" + text, UriKind.Absolute, out var uri)
            || uri.Authority.Length == 0
            || !string.Equals(uri.PathAndQuery, "/", StringComparison.Ordinal)
            || text.EndsWith('/')
            || uri.UserInfo.Length > 0
            || (wildcard && (uri.HostNameType != UriHostNameType.Dns || !uri.IsDefaultPort)))
        {
            throw new FormatException($"'{entry}' is not a host, host:port or *.domain entry.");
        }

        var host = wildcard ? "*" + uri.IdnHost[1..] : uri.IdnHost;
        return (host.ToLowerInvariant(), HasExplicitPort(text) ? uri.Port : null);
    }

    private bool IsAllowed(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        if (exact.Contains($"{host}:{url.Port}") || (url.IsDefaultPort && exact.Contains(host)))
        {
            return true;
        }

        return url.IsDefaultPort
            && url.HostNameType == UriHostNameType.Dns
            && !IsLocalName(host)
            && suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal));
    }

    private static bool IsLocalName(string host) =>
        host is "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || IPAddress.TryParse(host, out _);

    private static bool HasExplicitPort(string authority) =>
        authority.LastIndexOf(':') is var colon and >= 0 && colon > authority.LastIndexOf(']');
}
