using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// Entity tags and <c>If-None-Match</c>. Handlers call <see cref="IsNotModified"/> with their key's ETag before they
/// open or render anything; <see cref="HttpCacheHeadersFilter"/> then puts the ETag and <c>Cache-Control</c> on the
/// response once the handler has succeeded, so error responses never carry them.
/// </summary>
internal static class ConditionalRequest
{
    private static readonly object ETagItem = new();

    /// <summary>Records the response's strong ETag and tells whether the client already holds that representation.</summary>
    public static bool IsNotModified(HttpContext http, string etag)
    {
        http.Items[ETagItem] = etag;
        foreach (var header in http.Request.Headers.IfNoneMatch)
        {
            foreach (var range in header.AsSpan().Split(','))
            {
                var tag = header.AsSpan()[range].Trim();

                // If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix does not prevent a match.
                if (tag.StartsWith("W/", StringComparison.Ordinal))
                {
                    tag = tag[2..];
                }

                if (tag is "*" || tag.SequenceEqual(etag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The ETag a handler recorded for this request, if any.</summary>
    public static string? ETagOf(HttpContext http) => http.Items.TryGetValue(ETagItem, out var etag) ? etag as string : null;
}
