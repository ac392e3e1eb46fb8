using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// Entity tags and <c>If-None-Match</c>. Handlers call <see cref="IsNotModified"/> with their key's ETag before they
/// open or render anything; it puts the ETag and the endpoint's <c>Cache-Control</c> (and <c>Vary</c>) on the
/// response, which <see cref="ResponsePipeline"/> takes off again when the request ends in a problem.
/// </summary>
internal static class ConditionalRequest
{
    /// <summary>Stamps the response's strong ETag and caching, and tells whether the client already holds that representation.</summary>
    public static bool IsNotModified(HttpContext http, string etag)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        if (http.GetEndpoint()?.Metadata.GetMetadata<CacheControlMetadata>() is { } policy)
        {
            headers.CacheControl = policy.CacheControl;
            if (policy.Vary is { } vary)
            {
                headers.Vary = vary;
            }
        }

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
}
