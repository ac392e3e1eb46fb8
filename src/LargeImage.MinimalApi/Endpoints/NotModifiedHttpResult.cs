using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>304 Not Modified with no body, as a typed result so handlers' <c>Results&lt;…&gt;</c> unions document it.</summary>
internal sealed class NotModifiedHttpResult : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public static readonly NotModifiedHttpResult Instance = new();

    private NotModifiedHttpResult()
    {
    }

    public int StatusCode => StatusCodes.Status304NotModified;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        return Task.CompletedTask;
    }
}
