using LargeImage.MinimalApi.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>
/// Stamps <c>ETag</c>, <c>Cache-Control</c> and <c>Vary</c> on successful and 304 responses of handlers that recorded
/// an ETag. Runs inside <see cref="ProblemFilter"/>, so a handler that throws gets none of them.
/// </summary>
internal sealed class HttpCacheHeadersFilter(IOptions<LargeImageOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (ConditionalRequest.ETagOf(http) is { } etag && StatusOf(result) < StatusCodes.Status400BadRequest)
        {
            var headers = http.Response.Headers;
            var policy = http.GetEndpoint()?.Metadata.GetMetadata<CacheControlMetadata>();
            headers[HeaderNames.ETag] = etag;
            headers[HeaderNames.CacheControl] = policy?.CacheControl ?? options.Value.Cache.CacheControl;
            if (policy?.Vary is { } vary)
            {
                headers[HeaderNames.Vary] = vary;
            }
        }

        return result;
    }

    private static int StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => StatusCodes.Status200OK,
    };
}
