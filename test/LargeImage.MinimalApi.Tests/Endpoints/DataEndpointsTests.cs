using System.Net;
using System.Text.Json;
using LargeImage.MinimalApi.Rendering.Colormaps;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>The data routes and styled tiles, on synthetic images whose every value is known.</summary>
public sealed class DataEndpointsTests : IDisposable
{
    private readonly ExampleAppFactory app = new();

    public DataEndpointsTests()
    {
        app.TestServices.Add(services => services.AddSingleton<ITileSourceReader, SyntheticReader>());
        app.Settings["LargeImage:MaxOutputPixels"] = "4000000";
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Styled_tile_has_the_viridis_colour_of_each_value_scaled_by_min_and_max()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 1024, Height = 1024 });

        using var tile = await GetImageAsync($"/api/image-file/{id}/tiles/2/1/0.png?band=1&palette=viridis&min=300&max=500");

        ColormapRegistry.TryGet("viridis", out var viridis);
        foreach (var (x, y) in new[] { (0, 0), (10, 20), (100, 37), (150, 150), (255, 255), (44, 200) })
        {
            // Tile (1, 0) at full resolution starts at x = 256; the value is x + y.
            var value = 256 + x + y;
            var position = Math.Clamp((value - 300) / 200.0, 0, 1) * 255;
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, 255);
            var expected = new[] { 0, 1, 2 }.Select(c =>
                (int)(viridis!.Colors[low][c] + ((viridis.Colors[high][c] - viridis.Colors[low][c]) * (position - low)))).ToArray();
            Assert.Equal([.. expected, 255], tile.Getpoint(x, y).Select(v => (int)v).ToArray());
        }
    }

    [Fact]
    public async Task Styled_tile_discrete_scheme_and_nodata_behave_as_large_image_documents()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 256, Height = 256 });
        var style = Uri.EscapeDataString("{\"min\": 0, \"max\": 300, \"scheme\": \"discrete\", \"palette\": [\"#f00\", \"#0f0\", \"#00f\"], \"nodata\": 20}");

        using var tile = await GetImageAsync($"/api/image-file/{id}/tiles/0/0/0.png?style={style}");

        Assert.Equal([255, 0, 0, 255], Sample(tile, 50, 49));
        Assert.Equal([0, 255, 0, 255], Sample(tile, 100, 0));
        Assert.Equal([0, 0, 255, 255], Sample(tile, 255, 255));
        Assert.Equal([0, 0, 0, 0], Sample(tile, 10, 10));
    }

    [Fact]
    public async Task Thumbnail_keeps_the_aspect_within_256_by_default()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 1024, Height = 512 });

        using var thumbnail = await GetImageAsync($"/api/image-file/{id}/data/thumbnail.png");
        using var capped = await GetImageAsync($"/api/image-file/{id}/data/thumbnail.png?max_width=100&max_height=100");

        Assert.Equal((256, 128), (thumbnail.Width, thumbnail.Height));
        Assert.Equal((100, 50), (capped.Width, capped.Height));
    }

    [Fact]
    public async Task Region_in_pixels_fractions_and_millimetres()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 1000, Height = 800, MmX = 0.01 });

        using var pixels = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=100&top=50&right=300&bottom=150");
        using var fraction = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=0.5&top=0.5&right=1&bottom=1&units=fraction&max_width=100");
        using var mm = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=1&top=1&right=2&bottom=3&units=mm");

        Assert.Equal((200, 100), (pixels.Width, pixels.Height));
        Assert.Equal((100, 80), (fraction.Width, fraction.Height));
        Assert.Equal((100, 200), (mm.Width, mm.Height));
    }

    [Fact]
    public async Task Region_tif_of_a_georeferenced_image_is_written_by_the_source_and_leaves_no_temp_file()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 200, Height = 200, Geo = true });
        var before = Directory.GetFiles(Path.GetTempPath(), "largeimage-region-*").Length;

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/region.tif?left=0.1&top=-0.1&right=0.5&bottom=-0.6");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, Directory.GetFiles(Path.GetTempPath(), "largeimage-region-*").Length);
    }

    [Fact]
    public async Task Pixel_reports_rendered_colour_raw_bands_and_nothing_off_the_image()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 200, Height = 200, Bands = 2, Geo = true });

        var pixel = await app.GetJsonAsync($"/api/image-file/{id}/data/pixel?left=0.105&top=-0.201&band=1&min=0&max=100");
        var inPixels = await app.GetJsonAsync($"/api/image-file/{id}/data/pixel?left=10&top=20&units=pixels");
        var off = await app.GetJsonAsync($"/api/image-file/{id}/data/pixel?left=5&top=5");

        Assert.Equal(30, pixel.GetProperty("bands").GetProperty("1").GetDouble());
        Assert.Equal(130, pixel.GetProperty("bands").GetProperty("2").GetDouble());
        Assert.Equal([76, 76, 76, 255], pixel.GetProperty("value").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(76, pixel.GetProperty("r").GetInt32());
        Assert.Equal(255, pixel.GetProperty("a").GetInt32());
        Assert.Equal(30, inPixels.GetProperty("bands").GetProperty("1").GetDouble());
        Assert.Empty(off.EnumerateObject());
    }

    [Fact]
    public async Task Histogram_has_one_shape_and_ignores_nodata()
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 100, Height = 100, Nodata = -1, NodataColumns = 10 });

        var full = await app.GetJsonAsync($"/api/image-file/{id}/data/histogram?bins=10");
        var minMax = await app.GetJsonAsync($"/api/image-file/{id}/data/histogram?onlyMinMax=true");

        string[] keys = ["min", "max", "mean", "stdev", "samples", "hist", "bin_edges", "range", "bins", "density"];
        var band = Assert.Single(full.EnumerateArray());
        Assert.Equal(keys.Order(), band.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(keys.Order(), Assert.Single(minMax.EnumerateArray()).EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(10, band.GetProperty("min").GetDouble());
        Assert.Equal(9000, band.GetProperty("samples").GetInt64());
        Assert.Equal(11, band.GetProperty("bin_edges").GetArrayLength());
    }

    [Fact]
    public async Task Histogram_reads_a_bounded_image()
    {
        app.Settings["LargeImage:HistogramMaxSize"] = "100";
        var id = await UploadAsync(new SyntheticSpec { Width = 1000, Height = 500 });

        var histogram = await app.GetJsonAsync($"/api/image-file/{id}/data/histogram");

        Assert.Equal(100 * 50, Assert.Single(histogram.EnumerateArray()).GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task Associated_image_fits_the_box()
    {
        var id = await UploadAsync(new SyntheticSpec());

        using var label = await GetImageAsync($"/api/image-file/{id}/data/associated/label.png?max_width=20");
        using var missing = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/associated/macro.png");

        Assert.Equal((20, 10), (label.Width, label.Height));
        await ProblemResponseTests.AssertProblem(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Colormaps_are_listed_and_drawn()
    {
        var names = await app.GetJsonAsync("/api/large-image/colormaps");
        using var legend = await GetImageAsync("/api/large-image/colormaps/viridis_r.png?width=64&height=8");
        using var unknown = await app.CreateClient().GetAsync("/api/large-image/colormaps/nope.png");

        Assert.Contains("RdBu_r", names.EnumerateArray().Select(n => n.GetString()));
        Assert.Equal((64, 8), (legend.Width, legend.Height));
        Assert.Equal([0xfd, 0xe7, 0x25, 255], Sample(legend, 0, 0));
        await ProblemResponseTests.AssertProblem(unknown, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("data/region.png?left=300&right=100", "left", "less than")]
    [InlineData("data/region.png?top=300&bottom=100", "top", "less than")]
    [InlineData("data/region.png?left=abc", "left", "number")]
    [InlineData("data/region.png?units=furlongs", "units", "Valid units")]
    [InlineData("data/region.png?units=mm", "units", "mm_x")]
    [InlineData("data/region.png?units=EPSG:4326&left=0&right=1&top=0&bottom=1", "units", "georeferenced")]
    [InlineData("data/region.png?left=5000&right=6000", "left", "does not overlap")]
    [InlineData("data/region.png?max_width=-3", "max_width", "whole number")]
    [InlineData("data/region.png?palette=nope", "palette", "viridis")]
    [InlineData("data/region.png?cmap=nope", "cmap", "Valid colormaps")]
    [InlineData("data/region.png?style=%7Bbad", "style", "not valid JSON")]
    [InlineData("data/region.png?band=2", "band", "out of range")]
    [InlineData("data/region.png?min=low", "min", "must be a number")]
    [InlineData("data/region.png?nodata=x", "nodata", "number")]
    [InlineData("data/region.bmp", "fmt", "Unknown format")]
    [InlineData("data/thumbnail.png?max_height=0", "max_height", "whole number")]
    [InlineData("data/pixel?top=1", "left", "required")]
    [InlineData("data/pixel?left=1&top=x", "top", "number")]
    [InlineData("data/histogram?bins=abc", "bins", "number")]
    [InlineData("data/histogram?range=%5B5,1%5D", "range", "low < high")]
    [InlineData("data/histogram?density=maybe", "density", "true or false")]
    [InlineData("tiles/0/0/0.png?band=9", "band", "out of range")]
    [InlineData("tiles/0/0/0.png?style=%7B%22scheme%22:%22log%22%7D", "style", "linear or discrete")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string path, string parameter, string message)
    {
        var id = await UploadAsync(new SyntheticSpec { Width = 300, Height = 300 });

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/{path}");

        var problem = await ProblemResponseTests.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversize_output_is_a_413()
    {
        app.Settings["LargeImage:MaxOutputPixels"] = "10000";
        var id = await UploadAsync(new SyntheticSpec { Width = 300, Height = 300 });

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/region.png");
        using var capped = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/region.png?max_width=100");

        await ProblemResponseTests.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.OK, capped.StatusCode);
    }

    private static int[] Sample(Image image, int x, int y) => [.. image.Getpoint(x, y).Select(v => (int)v)];

    private async Task<int> UploadAsync(SyntheticSpec spec) => await app.UploadAsync(SyntheticReader.Write(app.DataDirectory, spec));

    private async Task<Image> GetImageAsync(string url)
    {
        using var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return Image.NewFromBuffer(body);
    }
}
