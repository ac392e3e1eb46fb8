using System.Net;
using System.Globalization;
using System.Net.Http.Json;
using System.Web;
using System.Text.Json.Nodes;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>The viewer page in headless Chromium, for a geospatial COG (web map) and a slide (pixel space).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ViewerBrowserTests(BrowserFixture fixture)
{
    private const string Colormap = "viridis";
    private const string SlidePath = "libvips/CMU-1-Small-Region.svs";

    [SkippableFact]
    public async Task Geospatial_cog_renders_restyles_and_reads_pixels()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var group = await SeededGroupAsync("demo-elevation-utm.tif");

        await using var viewer = await ViewerSession.OpenAsync(fixture, group);
        await AssertRendersRestylesAndReadsAsync(viewer, group, "geo", "png");

        var (query, _) = await viewer.ReadPixelAtCentreAsync();
        var bounds = (await fixture.Http.GetFromJsonAsync<JsonObject>(group + "info/metadata"))!["bounds"]!;
        var at = HttpUtility.ParseQueryString(query.Split('?', 2)[1]);
        Assert.Equal("EPSG:4326", at["units"]);
        Assert.InRange(double.Parse(at["left"]!, CultureInfo.InvariantCulture), (double)bounds["xmin"]!, (double)bounds["xmax"]!);
        Assert.InRange(double.Parse(at["top"]!, CultureInfo.InvariantCulture), (double)bounds["ymin"]!, (double)bounds["ymax"]!);
        await SaveForReadmeAsync(viewer, "viewer-geospatial.png");
    }

    [SkippableFact]
    public async Task Slide_renders_restyles_and_reads_pixels()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var slide = TestData.Path(SlidePath);
        var group = $"/api/image-file/{await fixture.App.UploadAsync(slide)}/";

        // OpenSlide reads RGBA, and this slide's alpha is opaque throughout: JPEG tiles until styled.
        await using var viewer = await ViewerSession.OpenAsync(fixture, group);
        await AssertRendersRestylesAndReadsAsync(viewer, group, "pixel", "jpeg");

        // Back to the image's own colours: no style in the tile URLs any more.
        await viewer.Page.SelectOptionAsync(".li-palette", string.Empty);
        await viewer.Page.SelectOptionAsync(".li-band", string.Empty);
        await viewer.WaitForRenderedAsync();
        Assert.DoesNotContain("style=", await viewer.TileTemplateAsync(), StringComparison.Ordinal);
        await viewer.ReadPixelAtCentreAsync();
        await SaveForReadmeAsync(viewer, "viewer-slide.png");
    }

    [SkippableFact]
    public async Task Opaque_colour_pyramid_gets_jpeg_tiles_until_styled()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var group = await SeededGroupAsync("demo-pyramid.tiff");

        // An 8-bit RGB JPEG pyramid in pixel space: JPEG tiles (sent as stored), PNG once a palette is chosen.
        await using var viewer = await ViewerSession.OpenAsync(fixture, group);
        await AssertRendersRestylesAndReadsAsync(viewer, group, "pixel", "jpeg");
    }

    [SkippableFact]
    public async Task Colour_image_with_transparency_keeps_png_tiles()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var group = $"/api/image-file/{await fixture.App.UploadAsync(TestData.Path("libvips/rgba.png"))}/";
        using (var thumbnail = NetVips.Image.NewFromBuffer(await fixture.Http.GetByteArrayAsync(group + "data/thumbnail.png")))
        {
            Assert.True(thumbnail.Bands == 4 && thumbnail[3].Min() < 255, "The test image's thumbnail has no transparent pixels.");
        }

        await using var viewer = await ViewerSession.OpenAsync(fixture, group);
        await viewer.WaitForRenderedAsync();
        AssertTilesOk(viewer, expectedFragment: ".png");
    }

    /// <summary>The route group of one of the demo images the example seeds.</summary>
    private async Task<string> SeededGroupAsync(string file) =>
        $"/api/image-file/{(await fixture.ImagesAsync()).Single(i => i.File == file).Id}/";

    /// <param name="format">The tile format of the unstyled image: JPEG for an opaque colour image in pixel space, else PNG.</param>
    private async Task AssertRendersRestylesAndReadsAsync(ViewerSession viewer, string group, string mode, string format)
    {
        await viewer.WaitForRenderedAsync();
        Assert.Equal(mode, await viewer.Page.Locator(".li-viewer").GetAttributeAsync("data-mode"));
        AssertTilesOk(viewer, expectedFragment: $".{format}");
        var before = await viewer.MapScreenshotAsync();
        Assert.True(before.ContentFraction() > 0.05, $"The map looks blank: {before.ContentFraction():P1} of it differs from the background.");

        var templateBefore = await viewer.TileTemplateAsync();
        viewer.ForgetTiles();
        await viewer.Page.SelectOptionAsync(".li-palette", Colormap);
        await viewer.WaitForRenderedAsync(Colormap);
        Assert.NotEqual(templateBefore, await viewer.TileTemplateAsync());
        AssertTilesOk(viewer, expectedFragment: Colormap);
        AssertTilesOk(viewer, expectedFragment: ".png");
        var after = await viewer.MapScreenshotAsync();
        Assert.True(before.MeanDifference(after) > 5, $"Choosing {Colormap} barely changed the map (mean difference {before.MeanDifference(after):F2}).");

        var (query, shown) = await viewer.ReadPixelAtCentreAsync();
        Assert.Contains(Colormap, Uri.UnescapeDataString(query), StringComparison.Ordinal);
        var expected = await fixture.Http.GetFromJsonAsync<JsonObject>(group + query);
        Assert.True(JsonNode.DeepEquals(expected!["value"], shown), $"The readout shows {shown?.ToJsonString()}, data/pixel returns {expected!["value"]?.ToJsonString()}.");
    }

    private static void AssertTilesOk(ViewerSession viewer, string? expectedFragment)
    {
        Assert.NotEmpty(viewer.Tiles);
        Assert.All(viewer.Tiles, tile => Assert.True(tile.Status == (int)HttpStatusCode.OK, $"{tile.Url} returned {tile.Status}."));
        if (expectedFragment is not null)
        {
            Assert.All(viewer.Tiles, tile => Assert.Contains(expectedFragment, Uri.UnescapeDataString(tile.Url), StringComparison.Ordinal));
        }
    }

    // The README's pictures come from here: set LARGEIMAGE_SCREENSHOTS to a folder (e.g. src/LargeImage.MinimalApi/Viewer/docs/) to refresh them.
    // A palette PNG keeps each under 300 KB.
    private static async Task SaveForReadmeAsync(ViewerSession viewer, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LARGEIMAGE_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            using var image = NetVips.Image.NewFromBuffer(await viewer.Page.ScreenshotAsync());
            image.Pngsave(Path.Combine(folder, name), compression: 9, palette: true, effort: 10);
        }
    }
}
