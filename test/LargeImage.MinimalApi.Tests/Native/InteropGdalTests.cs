using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Tests.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class InteropGdalTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    [SkippableFact]
    public void Version_is_a_gdal_3_release()
    {
        GdalAvailability.SkipIfUnavailable();

        Assert.StartsWith("3.", Interop.Gdal.VersionInfo());
    }

    [SkippableFact]
    public void Opening_a_missing_file_raises_gdals_own_message()
    {
        GdalAvailability.SkipIfUnavailable();

        var error = Assert.Throws<NativeLibraryException>(() => Interop.Gdal.OpenEx("/nonexistent/missing.tif"));

        Assert.Equal("GDAL", error.Library);
        Assert.Contains("missing.tif", error.Message);
    }

    [SkippableFact]
    public void Opening_text_raises_not_recognised()
    {
        GdalAvailability.SkipIfUnavailable();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.txt"), "not an image at all");

        var error = Assert.Throws<NativeLibraryException>(() => Interop.Gdal.OpenEx(temp.File("notes.txt")));

        Assert.Contains("not recognized", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public void Dataset_and_band_facts_are_read()
    {
        GdalAvailability.SkipIfUnavailable();
        using var dataset = Interop.Gdal.OpenEx(fixtures.Elevation);

        var band = Interop.Gdal.GetRasterBand(dataset, 1);
        Span<double> gt = stackalloc double[6];

        Assert.Equal((1000, 800, 1), (Interop.Gdal.GetRasterXSize(dataset), Interop.Gdal.GetRasterYSize(dataset), Interop.Gdal.GetRasterCount(dataset)));
        Assert.Equal(GdalDataType.Float32, Interop.Gdal.GetRasterDataType(band));
        Assert.Equal((256, 256), Interop.Gdal.GetBlockSize(band));
        Assert.True(Interop.Gdal.GetOverviewCount(band) >= 1);
        Assert.Equal((500, 400), Interop.Gdal.GetBandSize(Interop.Gdal.GetOverview(band, 0)));
        Assert.Equal(GdalFixtures.ElevationNodata, Interop.Gdal.GetNoDataValue(band));
        Assert.Equal(GdalMaskFlags.NoData, Interop.Gdal.GetMaskFlags(band));
        Assert.Equal(GdalColorInterpretation.Gray, Interop.Gdal.GetColorInterpretation(band));
        Assert.Null(Interop.Gdal.GetColorTable(band));
        Assert.True(Interop.Gdal.TryGetGeoTransform(dataset, gt));
        Assert.Equal([500000, 30, 0, 5000000, 0, -30], gt.ToArray());
        Assert.Contains("32633", Interop.Gdal.GetProjectionRef(dataset));
        Assert.Equal("GTiff", Interop.Gdal.GetDriverNames(dataset).ShortName);
        Assert.Contains("IMAGE_STRUCTURE", Interop.Gdal.GetMetadataDomainList(dataset));
        Assert.Contains("COMPRESSION=DEFLATE", Interop.Gdal.GetMetadata(dataset, "IMAGE_STRUCTURE"));
        Assert.Equal(0, Interop.Gdal.GetGcpCount(dataset));
        Assert.Empty(Interop.Gdal.GetGcps(dataset));
    }

    [SkippableFact]
    public void RasterIO_uses_overviews_and_resampling_when_the_buffer_is_smaller()
    {
        GdalAvailability.SkipIfUnavailable();
        using var dataset = Interop.Gdal.OpenEx(fixtures.Rgb);
        var full = new byte[600 * 400 * 3];
        var half = new byte[300 * 200 * 3];

        Interop.Gdal.DatasetRasterIO<byte>(
            dataset, 0, 0, 600, 400, full, 600, 400, GdalDataType.Byte, [1, 2, 3], 600 * 3, GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour));
        Interop.Gdal.DatasetRasterIO<byte>(
            dataset, 0, 0, 600, 400, half, 300, 200, GdalDataType.Byte, [1, 2, 3], 300 * 3, GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour));

        Assert.Equal(GdalFixtures.RgbAt(2, 5, 7), full[((7 * 600) + 5) * 3 + 2]);
        Assert.Equal(GdalFixtures.RgbAt(0, 11, 0), half[5 * 3]);
    }

    [SkippableFact]
    public void Too_small_buffers_are_refused_before_reaching_gdal()
    {
        GdalAvailability.SkipIfUnavailable();
        using var dataset = Interop.Gdal.OpenEx(fixtures.Rgb);

        Assert.Throws<ArgumentException>(() => Interop.Gdal.DatasetRasterIO<byte>(
            dataset, 0, 0, 10, 10, new byte[299], 10, 10, GdalDataType.Byte, [1, 2, 3], 30, GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour)));
    }

    [SkippableFact]
    public void Reading_outside_the_raster_is_an_exception()
    {
        GdalAvailability.SkipIfUnavailable();
        using var dataset = Interop.Gdal.OpenEx(fixtures.Rgb);

        var error = Assert.Throws<NativeLibraryException>(() => Interop.Gdal.DatasetRasterIO<byte>(
            dataset, 590, 0, 20, 1, new byte[60], 20, 1, GdalDataType.Byte, [1, 2, 3], 60, GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour)));

        Assert.Contains("Access window out of range", error.Message);
    }

    [SkippableFact]
    public void Spatial_references_export_and_identify()
    {
        GdalAvailability.SkipIfUnavailable();
        using var mercator = Interop.Gdal.SrsFromEpsg(3857);
        using var fromWkt = Interop.Gdal.SrsFromWkt(Interop.Gdal.ExportToWkt(mercator));

        Assert.Equal("EPSG:3857", Interop.Gdal.GetAuthorityCode(fromWkt));
        Assert.True(Interop.Gdal.IsProjected(mercator));
        Assert.False(Interop.Gdal.IsGeographic(mercator));
        Assert.Equal(1.0, Interop.Gdal.GetLinearUnits(mercator));
        Assert.Contains("+proj=merc", Interop.Gdal.ExportToProj4(mercator));
        Assert.Equal("ProjectedCRS", (string?)JsonNode.Parse(Interop.Gdal.ExportToProjJson(mercator))!["type"]);
    }

    [SkippableFact]
    public void Transformations_take_longitude_as_x()
    {
        GdalAvailability.SkipIfUnavailable();
        using var wgs84 = Interop.Gdal.SrsFromUserInput("EPSG:4326");
        using var mercator = Interop.Gdal.SrsFromEpsg(3857);
        using var transformation = Interop.Gdal.NewCoordinateTransformation(wgs84, mercator);
        Span<double> x = [10, 180];
        Span<double> y = [50, 0];
        Span<int> ok = [0, 0];

        Assert.True(Interop.Gdal.Transform(transformation, x, y, ok));

        Assert.Equal(1113194.9079327357, x[0], 6);
        Assert.Equal(6446275.841017158, y[0], 6);
        Assert.Equal(20037508.342789244, x[1], 6);
    }

    [SkippableFact]
    public void Bad_spatial_references_are_exceptions()
    {
        GdalAvailability.SkipIfUnavailable();

        Assert.Throws<NativeLibraryException>(() => Interop.Gdal.SrsFromEpsg(999999));
        Assert.Throws<NativeLibraryException>(() => Interop.Gdal.SrsFromWkt("PROJCS[nonsense"));
        Assert.Throws<NativeLibraryException>(() => Interop.Gdal.SrsFromProj4("+proj=nowhere"));
    }

    [SkippableFact]
    public void Config_options_round_trip_per_process_and_per_thread()
    {
        GdalAvailability.SkipIfUnavailable();

        Interop.Gdal.SetConfigOption("LI_TEST_OPTION", "process");
        Interop.Gdal.SetThreadLocalConfigOption("LI_TEST_OPTION", "thread");
        var onThisThread = Interop.Gdal.GetConfigOption("LI_TEST_OPTION");
        string? elsewhere = null;
        var other = new Thread(() => elsewhere = Interop.Gdal.GetConfigOption("LI_TEST_OPTION"));
        other.Start();
        other.Join();
        Interop.Gdal.SetThreadLocalConfigOption("LI_TEST_OPTION", null);
        Interop.Gdal.SetConfigOption("LI_TEST_OPTION", null);

        Assert.Equal("thread", onThisThread);
        Assert.Equal("process", elsewhere);
        Assert.Equal("NO", Interop.Gdal.GetConfigOption("GDAL_PAM_ENABLED"));
    }

    [SkippableFact]
    public void Warp_produces_the_same_pixels_as_the_gdalwarp_tool()
    {
        GdalAvailability.SkipIfUnavailable();
        using var temp = new TempDirectory();
        string[] extent = ["1200000", "5900000", "1300000", "6000000"];
        CliTool.Run("gdalwarp", ["-q", "-t_srs", "EPSG:3857", "-te", .. extent, "-ts", "64", "64", "-r", "near", "-of", "ENVI", fixtures.Rgb, temp.File("ref.bin")]);
        var reference = EnviImage.Read(temp.File("ref.bin"));
        using var source = Interop.Gdal.OpenEx(fixtures.Rgb);

        using var warped = Interop.Gdal.Warp(string.Empty, source, ["-of", "MEM", "-t_srs", "EPSG:3857", "-te", .. extent, "-ts", "64", "64", "-r", "near"]);
        var pixels = new byte[64 * 64 * 3];
        Interop.Gdal.DatasetRasterIO<byte>(warped, 0, 0, 64, 64, pixels, 64, 64, GdalDataType.Byte, [1, 2, 3], 64 * 3, GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour));

        for (var i = 0; i < 64 * 64; i++)
        {
            Assert.Equal(reference[1, i % 64, i / 64], pixels[(i * 3) + 1]);
        }
    }

    [SkippableFact]
    public void Utility_argument_errors_are_exceptions()
    {
        GdalAvailability.SkipIfUnavailable();
        using var source = Interop.Gdal.OpenEx(fixtures.Rgb);

        Assert.Throws<NativeLibraryException>(() => Interop.Gdal.Warp(string.Empty, source, ["-of", "MEM", "-bogus"]));
        Assert.Throws<NativeLibraryException>(() => Interop.Gdal.Translate(string.Empty, source, ["-of", "MEM", "-srcwin"]));
    }

    [SkippableFact]
    public void Translate_writes_a_region_as_a_new_dataset()
    {
        GdalAvailability.SkipIfUnavailable();
        using var source = Interop.Gdal.OpenEx(fixtures.Rgb);

        using var region = Interop.Gdal.Translate(string.Empty, source, ["-of", "MEM", "-srcwin", "100", "50", "20", "10"]);
        Span<double> gt = stackalloc double[6];

        Assert.Equal((20, 10), (Interop.Gdal.GetRasterXSize(region), Interop.Gdal.GetRasterYSize(region)));
        Assert.True(Interop.Gdal.TryGetGeoTransform(region, gt));
        Assert.Equal(11.0, gt[0], 9);
    }
}
