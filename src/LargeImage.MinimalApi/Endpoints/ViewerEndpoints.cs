using LargeImage.MinimalApi.Hosting;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Viewer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>The viewer page of each image and the bundled files it loads.</summary>
internal static class ViewerEndpoints
{
    private const string ViewerSegment = "/viewer";
    private const string AssetRouteName = "LargeImage.GetViewerAsset";

    // A versioned URL names bytes that never change; an unversioned one (hand-written embeds) must revalidate.
    private const string ImmutableCaching = "public, max-age=31536000, immutable";
    private const string RevalidateCaching = "no-cache";

    /// <summary>Adds <c>viewer</c>, the HTML viewer page, to an image's route group.</summary>
    internal static RouteGroupBuilder MapViewerEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("viewer", GetViewer)
            .WithName("LargeImage.GetViewer")
            .WithSummary("Viewer page")
            .WithDescription("An HTML page showing the image on a web map (geospatial images) or in pixel space, with band, frame, colormap, range and opacity controls, the metadata, a thumbnail and the pixel value under the pointer.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return group;
    }

    /// <summary>Adds <c>viewer-assets/{file}</c>, the bundled script and stylesheet, to the standalone group.</summary>
    internal static RouteGroupBuilder MapViewerAssetEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("viewer-assets/{file}", GetViewerAsset)
            .WithName(AssetRouteName)
            .WithSummary("Viewer script or stylesheet")
            .WithDescription("The viewer's bundled files (viewer.js, viewer.css). Hosts embedding the viewer load both and add <div data-large-image=\"{image group URL}\">.")
            .ExcludeFromDescription();
        return group;
    }

    private static async Task<ContentHttpResult> GetViewer(HttpContext context, LinkGenerator links, IOptions<LargeImageOptions> options)
    {
        // Looking the record up makes a missing one a 404 problem here too, not a page that fails to load.
        var locator = context.GetEndpoint()?.Metadata.GetMetadata<ImageLocator>()
            ?? throw new InvalidOperationException("The viewer endpoint was not mapped by MapLargeImage.");
        await locator.FindAsync(context);
        var assets = ViewerAssets.Instance;
        var page = ViewerPage.Render(
            ImageBase(context.Request),
            AssetUrl(context, links, ViewerAssets.Script, assets.Version),
            AssetUrl(context, links, ViewerAssets.Stylesheet, assets.Version),
            options.Value.ViewerBasemapUrl,
            options.Value.ViewerBasemapAttribution);
        context.Response.Headers.CacheControl = RevalidateCaching;
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> GetViewerAsset(
        string file, [FromQuery(Name = "v")] string? version, HttpContext context)
    {
        var assets = ViewerAssets.Instance;
        if (!assets.TryGet(file, out var asset))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no viewer asset '{file}'.");
        }

        var (bytes, encoding, etag) = asset.Select(AcceptedEncodings(context.Request));
        var headers = context.Response.Headers;
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.CacheControl = version == assets.Version ? ImmutableCaching : RevalidateCaching;
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(bytes, asset.ContentType, entityTag: new EntityTagHeaderValue(etag));
    }

    // The group's URL is the request's minus "/viewer", whatever the host named the group or its parameters.
    private static string ImageBase(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? string.Empty;
        return path.EndsWith(ViewerSegment, StringComparison.Ordinal) ? path[..^(ViewerSegment.Length - 1)] : path + "/";
    }

    private static string AssetUrl(HttpContext context, LinkGenerator links, string file, string version) =>
        links.GetPathByName(context, AssetRouteName, new { file, v = version })
        ?? throw new InvalidOperationException("The viewer's files are served by the standalone group: call app.MapLargeImage() as well.");

    // q=0 means "not acceptable"; among the rest our own preference (smallest first) decides.
    private static HashSet<string> AcceptedEncodings(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding
            .Where(e => e.Quality is null or > 0)
            .Select(e => e.Value.Value ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
