using System.Security.Cryptography;

namespace LargeImage.MinimalApi.Viewer;

/// <summary>
/// One bundled viewer file with its pre-compressed copies. Each encoding has its own strong ETag,
/// because a strong validator must change whenever the bytes on the wire do.
/// </summary>
internal sealed class ViewerAsset
{
    private readonly IReadOnlyList<(string Encoding, byte[] Bytes)> _encoded;

    /// <param name="contentType">The <c>Content-Type</c> of the asset.</param>
    /// <param name="content">The uncompressed bytes.</param>
    /// <param name="encoded">Pre-compressed copies, the preferred encoding first.</param>
    public ViewerAsset(string contentType, byte[] content, IReadOnlyList<(string Encoding, byte[] Bytes)> encoded)
    {
        ContentType = contentType;
        Content = content;
        _encoded = encoded;
        Hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
    }

    public string ContentType { get; }

    public byte[] Content { get; }

    /// <summary>Short content hash, used in ETags and in the cache-busting <c>v</c> query.</summary>
    public string Hash { get; }

    /// <summary>The smallest representation the client accepts: (bytes, encoding or null, ETag).</summary>
    public (byte[] Bytes, string? Encoding, string ETag) Select(IReadOnlySet<string> acceptedEncodings)
    {
        foreach (var (encoding, bytes) in _encoded)
        {
            if (acceptedEncodings.Contains(encoding))
            {
                return (bytes, encoding, $"\"{Hash}-{encoding}\"");
            }
        }

        return (Content, null, $"\"{Hash}\"");
    }
}
