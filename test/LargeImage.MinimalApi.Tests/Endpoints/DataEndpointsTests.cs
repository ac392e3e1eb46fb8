using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Rendering.Colormaps;
using LargeImage.MinimalApi.Tests.Sources.Gdal;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>
/// The data routes and styled tiles on real files whose every value is known (<see cref="GradientImages"/>), and
/// associated images on a real slide.
/// </summary>
public sealed class DataEndpointsTests : IDisposable
{
    private readonly ExampleAppFactory app = new();

    public DataEndpointsTests() => app.Settings["LargeImage:MaxOutputPixels"] = "4000000";

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Styled_tile_has_the_viridis_colour_of_each_value_scaled_by_min_and_max()
    {
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 1024, 1024));

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
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 256, 256));
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
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 1024, 512));

        using var thumbnail = await GetImageAsync($"/api/image-file/{id}/data/thumbnail.png");
        using var capped = await GetImageAsync($"/api/image-file/{id}/data/thumbnail.png?max_width=100&max_height=100");

        Assert.Equal((256, 128), (thumbnail.Width, thumbnail.Height));
        Assert.Equal((100, 50), (capped.Width, capped.Height));
    }

    [Fact]
    public async Task Region_in_pixels_and_fractions()
    {
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 1000, 800));

        using var pixels = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=100&top=50&right=300&bottom=150");
        using var fraction = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=0.5&top=0.5&right=1&bottom=1&units=fraction&max_width=100");

        Assert.Equal((200, 100), (pixels.Width, pixels.Height));
        Assert.Equal((100, 80), (fraction.Width, fraction.Height));
    }

    [SkippableFact]
    public async Task Region_in_millimetres_follows_the_slides_pixel_size()
    {
        var id = await app.UploadAsync(TestData.Path("libvips/CMU-1-Small-Region.svs"));
        var metadata = await app.GetJsonAsync($"/api/image-file/{id}/info/metadata");
        var (mmX, mmY) = (metadata.GetProperty("mm_x").GetDouble(), metadata.GetProperty("mm_y").GetDouble());

        using var mm = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=0.1&top=0.2&right=0.3&bottom=0.6&units=mm");
        using var um = await GetImageAsync($"/api/image-file/{id}/data/region.png?left=100&top=200&right=300&bottom=600&units=um");

        var expected = ((int)(Math.Round(0.3 / mmX) - Math.Round(0.1 / mmX)), (int)(Math.Round(0.6 / mmY) - Math.Round(0.2 / mmY)));
        Assert.Equal(expected, (mm.Width, mm.Height));
        Assert.Equal(expected, (um.Width, um.Height));
    }

    [SkippableFact]
    public async Task Region_tif_of_a_georeferenced_image_is_a_georeferenced_tiff_and_leaves_no_temp_file()
    {
        GdalAvailability.SkipIfUnavailable();
        var id = await app.UploadAsync(GradientImages.Georeferenced(app.DataDirectory, 200, 200, 2));
        var before = RegionTempFiles().ToHashSet();
        const string Window = "left=0.1&top=-0.1&right=0.5&bottom=-0.6";

        var raw = await GetBytesAsync($"/api/image-file/{id}/data/region.tif?{Window}");
        var styled = await GetBytesAsync($"/api/image-file/{id}/data/region.tif?{Window}&band=2&palette=viridis");

        using (var image = Image.NewFromBuffer(raw))
        {
            Assert.Equal((40, 50, 2, Enums.BandFormat.Float), (image.Width, image.Height, image.Bands, image.Format));
            Assert.Equal([GradientImages.Value(0, 10, 10), GradientImages.Value(1, 10, 10)], image.Getpoint(0, 0));
        }

        using (var image = Image.NewFromBuffer(styled))
        {
            Assert.Equal((40, 50, 4, Enums.BandFormat.Uchar), (image.Width, image.Height, image.Bands, image.Format));
        }

        Assert.Equal([0.1, 0.01, 0, -0.1, 0, -0.01], GeoTransform(raw).Select(v => Math.Round(v, 9)));
        Assert.Equal([0.1, 0.01, 0, -0.1, 0, -0.01], GeoTransform(styled).Select(v => Math.Round(v, 9)));

        // Other tests' region requests run meanwhile and have such files for a moment: a leaked one is one that stays.
        var waited = Stopwatch.StartNew();
        string[] left;
        while ((left = [.. RegionTempFiles().Except(before)]).Length > 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.Empty(left);
    }

    private static string[] RegionTempFiles() => Directory.GetFiles(Path.GetTempPath(), "largeimage-region-*");

    [SkippableFact]
    public async Task Pixel_reports_rendered_colour_raw_bands_and_nothing_off_the_image()
    {
        var id = await app.UploadAsync(GradientImages.Georeferenced(app.DataDirectory, 200, 200, 2));

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

    [SkippableFact]
    public async Task Histogram_has_one_shape_and_ignores_nodata()
    {
        var id = await app.UploadAsync(GradientImages.Georeferenced(app.DataDirectory, 100, 100, 1, nodataColumns: 10));

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
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 1000, 500));

        var histogram = await app.GetJsonAsync($"/api/image-file/{id}/data/histogram");

        Assert.Equal(100 * 50, Assert.Single(histogram.EnumerateArray()).GetProperty("samples").GetInt64());
    }

    [SkippableFact]
    public async Task Associated_image_of_a_slide_fits_the_box()
    {
        var id = await app.UploadAsync(TestData.Path("libvips/CMU-1-Small-Region.svs"));

        using var label = await GetImageAsync($"/api/image-file/{id}/data/associated/label.png");
        using var capped = await GetImageAsync($"/api/image-file/{id}/data/associated/label.png?max_width=20");
        using var missing = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/associated/nope.png");

        Assert.Equal((20, (int)Math.Round(20.0 * label.Height / label.Width)), (capped.Width, capped.Height));
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
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 300, 300));

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/{path}");

        var problem = await ProblemResponseTests.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Oversize_output_is_a_413()
    {
        app.Settings["LargeImage:MaxOutputPixels"] = "10000";
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 300, 300));

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/region.png");
        using var capped = await app.CreateClient().GetAsync($"/api/image-file/{id}/data/region.png?max_width=100");

        await ProblemResponseTests.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.OK, capped.StatusCode);
    }

    private static int[] Sample(Image image, int x, int y) => [.. image.Getpoint(x, y).Select(v => (int)v)];

    /// <summary>The geotransform GDAL reads from a GeoTIFF (a temp file, since GDAL opens files).</summary>
    private static double[] GeoTransform(byte[] tiff)
    {
        using var folder = new TempDirectory();
        var path = folder.File("region.tif");
        File.WriteAllBytes(path, tiff);
        using var dataset = Interop.Gdal.OpenEx(path);
        var gt = new double[6];
        Assert.True(Interop.Gdal.TryGetGeoTransform(dataset, gt), "The region has no geotransform.");
        return gt;
    }

    private async Task<byte[]> GetBytesAsync(string url)
    {
        using var response = await app.CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return body;
    }

    /// <summary>
    /// Decodes a response as a browser shows it: PNGs carry only the channels they need, so grey is widened to RGB and
    /// a missing alpha channel is opaque.
    /// </summary>
    private async Task<Image> GetImageAsync(string url)
    {
        var image = Image.NewFromBuffer(await GetBytesAsync(url));
        if ((string)image.Get("vips-loader") != "pngload_buffer")
        {
            return image;
        }

        using var colour = image.Bands < 3 ? image.Colourspace(Enums.Interpretation.Srgb) : image.Copy();
        image.Dispose();
        return colour.HasAlpha() ? colour.Copy() : colour.Bandjoin(255);
    }
}
