using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Tests.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>
/// The data routes on the real GeoTIFFs of <c>../shared/testdata</c>, through the example app, against the GDAL
/// command-line tools: pixel values against <c>gdallocationinfo</c>, GeoTIFF regions against
/// <c>gdal_translate -projwin</c>, histograms against <c>gdalinfo -hist</c>.
/// </summary>
public sealed class GeoDataConformanceTests(TestDataApp app) : IClassFixture<TestDataApp>
{
    private const string GcpFile = "large_image/rgba_geotiff.tiff";

    public static TheoryData<string> GeoTiffs => GdalConformanceTests.GeoTiffs;

    /// <summary>Files small enough that the histogram's bounded read (2048 px) is the whole image.</summary>
    public static TheoryData<string> SmallGeoTiffs => new()
    {
        "rasterio/RGB.byte.tif",
        "rasterio/byte.tif",
        "rio-tiler/mosaic_cog1.tif",
        "titiler/cog_with_nan.tif",
        "rio-cogeo/image_colormap.tif",
    };

    [SkippableFact]
    public void Every_georeferenced_corpus_file_is_covered()
    {
        CliTool.SkipIfMissing("gdalinfo");
        TestData.SkipIfMissing();
        var georeferenced = Directory.EnumerateFiles(TestData.Root!, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => Info(f) is { } info && (info["coordinateSystem"] is not null || info["gcps"] is not null))
            .Select(f => Path.GetRelativePath(TestData.Root!, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(((IEnumerable<object[]>)GeoTiffs).Select(row => (string)row[0]).Order(StringComparer.Ordinal), georeferenced);
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public async Task Pixel_bands_equal_gdallocationinfo_at_a_pixel_and_at_its_lon_lat(string file)
    {
        CliTool.SkipIfMissing("gdallocationinfo", "gdaltransform");
        var path = TestData.Path(file);
        var id = await app.UploadAsync(file);
        var metadata = await app.Factory.GetJsonAsync($"/api/image-file/{id}/info/metadata");
        var x = (int)(metadata.GetProperty("sizeX").GetInt64() * 0.37);
        var y = (int)(metadata.GetProperty("sizeY").GetInt64() * 0.61);
        var (cx, cy) = (Format(x + 0.5), Format(y + 0.5));
        var lonLat = Numbers(CliTool.RunWithInput("gdaltransform", $"{cx} {cy}\n", "-t_srs", "EPSG:4326", path));
        var (lon, lat) = (Format(lonLat[0]), Format(lonLat[1]));

        var atPixel = await BandsAsync(id, $"left={cx}&top={cy}&units=pixels");
        var atLonLat = await BandsAsync(id, $"left={lon}&top={lat}&units=EPSG:4326");

        AssertValues(Numbers(CliTool.Run("gdallocationinfo", "-valonly", path, x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture))), atPixel);
        AssertValues(ValuesAtLonLat(path, lon, lat), atLonLat);
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public async Task Region_tif_of_a_geographic_window_matches_gdal_translate_projwin(string file)
    {
        CliTool.SkipIfMissing("gdal_translate", "gdalinfo");
        var path = TestData.Path(file);
        var id = await app.UploadAsync(file);
        var bounds = (await app.Factory.GetJsonAsync($"/api/image-file/{id}/info/metadata")).GetProperty("bounds");
        var (xmin, xmax) = (bounds.GetProperty("xmin").GetDouble(), bounds.GetProperty("xmax").GetDouble());
        var (ymin, ymax) = (bounds.GetProperty("ymin").GetDouble(), bounds.GetProperty("ymax").GetDouble());
        var (left, right) = (Format(xmin + ((xmax - xmin) * 0.3)), Format(xmin + ((xmax - xmin) * 0.6)));
        var (top, bottom) = (Format(ymax - ((ymax - ymin) * 0.35)), Format(ymax - ((ymax - ymin) * 0.7)));
        using var folder = new TempDirectory();
        var ours = folder.File("ours.tif");
        var reference = folder.File("reference.tif");

        using (var response = await app.Factory.CreateClient().GetAsync($"/api/image-file/{id}/data/region.tif?left={left}&top={top}&right={right}&bottom={bottom}&units=EPSG:4326"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await File.WriteAllBytesAsync(ours, await response.Content.ReadAsByteArrayAsync());
        }

        CutReference(path, left, top, right, bottom, reference);

        var (source, got, expected) = (Info(path)!, Info(ours)!, Info(reference)!);
        Assert.Equal("COG", (string?)got["metadata"]?["IMAGE_STRUCTURE"]?["LAYOUT"]);
        Assert.Equal(Crs(expected), Crs(got));
        Assert.Equal(BandSummary(source), BandSummary(got));
        var (gotOrigin, expectedOrigin) = (Origin(got), Origin(expected));
        Assert.True(Math.Abs(gotOrigin.X - expectedOrigin.X) <= 0.5 + 1e-6, $"x origin {gotOrigin.X} vs {expectedOrigin.X} pixels");
        Assert.True(Math.Abs(gotOrigin.Y - expectedOrigin.Y) <= 0.5 + 1e-6, $"y origin {gotOrigin.Y} vs {expectedOrigin.Y} pixels");
        AssertSameSamples(folder, ours, reference, (int)Math.Round(gotOrigin.X - expectedOrigin.X), (int)Math.Round(gotOrigin.Y - expectedOrigin.Y));
    }

    [SkippableTheory]
    [MemberData(nameof(SmallGeoTiffs))]
    public async Task Histogram_equals_gdals_own_bin_for_bin(string file)
    {
        CliTool.SkipIfMissing("gdalinfo");
        var path = TestData.Path(file);
        var id = await app.UploadAsync(file);
        var reference = JsonNode.Parse(CliTool.Run("gdalinfo", "--config", "GDAL_PAM_ENABLED", "NO", "-json", "-stats", "-hist", path))!;
        Assert.True((int)reference["size"]![0]! <= 2048 && (int)reference["size"]![1]! <= 2048, "The bounded read must be the whole image.");
        var bands = reference["bands"]!.AsArray();

        for (var b = 0; b < bands.Count; b++)
        {
            var expected = bands[b]!["histogram"]!;
            var (low, high) = (Format((double)expected["min"]!), Format((double)expected["max"]!));
            var ours = await app.Factory.GetJsonAsync(
                $"/api/image-file/{id}/data/histogram?bins={(int)expected["count"]!}&range=[{low},{high}]");
            var band = ours[b];

            Assert.Equal(
                expected["buckets"]!.AsArray().Select(v => (long)v!).ToArray(),
                band.GetProperty("hist").EnumerateArray().Select(v => (long)v.GetDouble()).ToArray());
        }
    }

    private async Task<double[]> BandsAsync(int id, string query)
    {
        var pixel = await app.Factory.GetJsonAsync($"/api/image-file/{id}/data/pixel?{query}");
        Assert.True(pixel.TryGetProperty("bands", out var bands), $"data/pixel?{query} has no bands: {pixel}");
        return [.. bands.EnumerateObject().OrderBy(p => int.Parse(p.Name, CultureInfo.InvariantCulture))
            .Select(p => p.Value.ValueKind == JsonValueKind.String ? double.Parse(p.Value.GetString()!, CultureInfo.InvariantCulture) : p.Value.GetDouble())];
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double[] Numbers(string text) =>
        [.. text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.Parse(v, CultureInfo.InvariantCulture))];

    private static JsonNode? Info(string path)
    {
        try
        {
            return JsonNode.Parse(CliTool.Run("gdalinfo", "--config", "GDAL_PAM_ENABLED", "NO", "-json", path));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>gdallocationinfo -wgs84</c> needs a geotransform; for a GCP-georeferenced file the lon/lat goes through
    /// <c>gdaltransform -i</c> (the same GCP transformer) to a pixel first.
    /// </summary>
    private static double[] ValuesAtLonLat(string path, string lon, string lat)
    {
        if (Info(path)!["gcps"] is null)
        {
            return Numbers(CliTool.Run("gdallocationinfo", "-valonly", "-wgs84", path, lon, lat));
        }

        var pixel = Numbers(CliTool.RunWithInput("gdaltransform", $"{lon} {lat}\n", "-i", "-t_srs", "EPSG:4326", path));
        return Numbers(CliTool.Run(
            "gdallocationinfo", "-valonly", path,
            Math.Floor(pixel[0]).ToString(CultureInfo.InvariantCulture), Math.Floor(pixel[1]).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// <c>gdal_translate -projwin … -projwin_srs EPSG:4326</c>. It needs a geotransform, so for a GCP-georeferenced
    /// file the corners go through <c>gdaltransform -i</c> (the same GCP transformer) and the pixel window is snapped
    /// as <c>-projwin</c> snaps it (origin floored, size rounded) and cut with <c>-srcwin</c>.
    /// </summary>
    private static void CutReference(string path, string left, string top, string right, string bottom, string output)
    {
        if (Info(path)!["gcps"] is null)
        {
            CliTool.Run("gdal_translate", "-q", "-projwin", left, top, right, bottom, "-projwin_srs", "EPSG:4326", path, output);
            return;
        }

        var corners = Numbers(CliTool.RunWithInput("gdaltransform", $"{left} {top}\n{right} {bottom}\n", "-i", "-t_srs", "EPSG:4326", path));
        var (x0, y0, x1, y1) = (corners[0], corners[1], corners[3], corners[4]);
        CliTool.Run(
            "gdal_translate", "-q", "-srcwin", Format(Math.Floor(x0 + 0.001)), Format(Math.Floor(y0 + 0.001)),
            Format(Math.Floor(x1 - x0 + 0.5)), Format(Math.Floor(y1 - y0 + 0.5)), path, output);
    }

    private static void AssertValues(double[] expected, double[] actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // gdallocationinfo prints 15 significant digits.
            Assert.True(
                (double.IsNaN(expected[i]) && double.IsNaN(actual[i])) || Math.Abs(expected[i] - actual[i]) <= Math.Abs(expected[i]) * 1e-12,
                $"band {i + 1}: gdallocationinfo {expected[i]}, data/pixel {actual[i]}");
        }
    }

    private static string Crs(JsonNode info) =>
        (string?)(info["coordinateSystem"] ?? info["gcps"]?["coordinateSystem"])?["wkt"] ?? string.Empty;

    private static string BandSummary(JsonNode info) => string.Join(
        ";", info["bands"]!.AsArray().Select(b => $"{b!["type"]}/{b["noDataValue"]?.ToJsonString()}"));

    /// <summary>The window's top-left corner in pixels of the source (from the geotransform, or the first GCP).</summary>
    private static (double X, double Y) Origin(JsonNode info)
    {
        if (info["geoTransform"] is { } gt)
        {
            // Both outputs come from one source grid, so its pixel size turns georeferenced origins into pixels.
            return ((double)gt[0]! / (double)gt[1]!, (double)gt[3]! / (double)gt[5]!);
        }

        var gcp = info["gcps"]!["gcpList"]![0]!;
        return (-(double)gcp["pixel"]!, -(double)gcp["line"]!);
    }

    /// <summary>Compares every sample both outputs share, ours being offset by (dx, dy) pixels from the reference.</summary>
    private static void AssertSameSamples(TempDirectory folder, string ours, string reference, int dx, int dy)
    {
        var a = ToEnvi(folder, ours);
        var b = ToEnvi(folder, reference);
        Assert.Equal(b.Bands, a.Bands);
        var compared = 0;
        for (var band = 0; band < a.Bands; band++)
        {
            for (var y = 0; y < a.Height; y++)
            {
                for (var x = 0; x < a.Width; x++)
                {
                    var (rx, ry) = (x + dx, y + dy);
                    if (rx < 0 || ry < 0 || rx >= b.Width || ry >= b.Height)
                    {
                        continue;
                    }

                    var (got, expected) = (a[band, x, y], b[band, rx, ry]);
                    Assert.True(got.Equals(expected), $"band {band + 1} at ({x}, {y}): {got}, gdal_translate {expected}");
                    compared++;
                }
            }
        }

        Assert.True(compared >= a.Bands * a.Width * a.Height * 0.9, $"Only {compared} samples overlap.");
    }

    private static EnviImage ToEnvi(TempDirectory folder, string path)
    {
        var output = folder.File(Path.GetFileNameWithoutExtension(path) + ".bin");
        CliTool.Run("gdal_translate", "-q", "-of", "ENVI", "-co", "INTERLEAVE=BSQ", path, output);
        return EnviImage.Read(output);
    }
}
