using System.Net;
using System.Text.RegularExpressions;
using LargeImage.Example;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>The viewer page and its assets over HTTP: links, encoding, caching and content negotiation.</summary>
public sealed partial class ViewerEndpointTests : IDisposable
{
    private readonly ExampleAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Viewer_page_points_at_its_image_group_and_versioned_assets()
    {
        var id = await AddRecordAsync();

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/viewer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-large-image=\"/api/image-file/{id}/\"", html, StringComparison.Ordinal);
        Assert.Matches(AssetLink(), html);
        Assert.DoesNotContain("data-basemap-url", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basemap_settings_reach_the_page_html_encoded()
    {
        app.Settings["LargeImage:ViewerBasemapUrl"] = "https://tiles.example/{z}/{x}/{y}.png?key=\"a&b\"";
        var id = await AddRecordAsync();

        var html = await app.CreateClient().GetStringAsync($"/api/image-file/{id}/viewer");

        Assert.Contains("data-basemap-url=\"https://tiles.example/{z}/{x}/{y}.png?key=&quot;a&amp;b&quot;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_of_an_unknown_record_is_a_404_problem()
    {
        using var response = await app.CreateClient().GetAsync("/api/image-file/12345/viewer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Versioned_asset_is_immutable_and_brotli_when_accepted()
    {
        var url = await AssetUrlAsync("viewer.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Unversioned_asset_revalidates_with_a_strong_etag()
    {
        var client = app.CreateClient();
        using var first = await client.GetAsync("/api/large-image/viewer-assets/viewer.css");
        Assert.Equal("text/css", first.Content.Headers.ContentType?.MediaType);
        Assert.True(first.Headers.CacheControl?.NoCache);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/large-image/viewer-assets/viewer.css");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Unknown_asset_is_a_404_problem()
    {
        using var response = await app.CreateClient().GetAsync("/api/large-image/viewer-assets/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> AssetUrlAsync(string file)
    {
        var id = await AddRecordAsync();
        var html = await app.CreateClient().GetStringAsync($"/api/image-file/{id}/viewer");
        return AssetLink().Matches(html).Select(m => m.Groups["url"].Value).Single(url => url.Contains(file, StringComparison.Ordinal));
    }

    // The page only looks the record up; its file is opened by the endpoints the viewer calls, so none is needed.
    private async Task<int> AddRecordAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ImageDb>();
        var record = new ImageFile { Name = "viewer test", File = "absent.tif" };
        db.Images.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    [GeneratedRegex("""(?:src|href)="(?<url>/api/large-image/viewer-assets/viewer\.(?:js|css)\?v=[0-9a-f]{16})["]""")]
    private static partial Regex AssetLink();
}
