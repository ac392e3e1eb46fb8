using System.Globalization;
using System.Text.RegularExpressions;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed partial class GdalWarpOverviewTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    // Target pixels per source pixel, around the fixture's overview reductions (2 and 4) and gdalwarp's 0.1 tolerance.
    public static TheoryData<double> Reductions => [0.5, 1, 1.5, 1.85, 1.95, 2.05, 2.15, 3, 3.85, 3.95, 4.05, 4.2, 6, 12];

    [SkippableTheory]
    [MemberData(nameof(Reductions))]
    public void The_level_is_the_one_gdalwarp_selects(double reduction)
    {
        CliTool.SkipIfMissing("gdalwarp");
        using var source = GdalTileSource.Open(fixtures.Elevation, "EPSG:3857");
        var (sourceWidth, overviewWidths) = OverviewWidths(fixtures.Elevation);
        Assert.Equal([500, 250], overviewWidths);

        // A 256-pixel square centred on the image whose pixels are about `reduction` source pixels wide: 30 m source
        // pixels are 30 / cos(latitude) metres of web-mercator.
        var (cx, cy) = CentreInWebMercator(source.Georeference!);
        var latitude = (source.Georeference!.Bounds.YMin + source.Georeference.Bounds.YMax) / 2;
        var half = 128 * reduction * 30 / Math.Cos(latitude * Math.PI / 180);
        var extent = (cx - half, cy - half, cx + half, cy + half);
        using var temp = new TempDirectory("li-warp-overview");
        var log = temp.File("gdalwarp.log");
        CliTool.Run(
            "gdalwarp", "-q", "--debug", "on", "--config", "CPL_LOG", log, "-t_srs", "EPSG:3857",
            "-te", F(extent.Item1), F(extent.Item2), F(extent.Item3), F(extent.Item4), "-ts", "256", "256", "-r", "near",
            "-of", "MEM", fixtures.Elevation, "unused");
        var selected = SelectedLevel().Match(File.ReadAllText(log));

        var choice = GdalWarpOverview.Choose(source.Georeference!, "EPSG:3857", extent, 256, 256, sourceWidth, overviewWidths);

        Assert.Equal(selected.Success ? int.Parse(selected.Groups[1].Value, CultureInfo.InvariantCulture) : -1, choice.Level);
    }

    [SkippableFact]
    public void An_image_without_overviews_is_warped_from_full_resolution()
    {
        GdalAvailability.SkipIfUnavailable();
        using var source = GdalTileSource.Open(fixtures.Rgb, "EPSG:3857");
        var (sourceWidth, overviewWidths) = OverviewWidths(fixtures.Rgb);
        Assert.Empty(overviewWidths);

        var world = 20037508.34;
        Assert.Equal(-1, GdalWarpOverview.Choose(source.Georeference!, "EPSG:3857", (-world, -world, world, world), 256, 256, sourceWidth, overviewWidths).Level);
    }

    /// <summary>
    /// The handle pool groups warped tiles by where their extent's centre falls in the source: the pixel gdaltransform
    /// finds for that point, for extents across the image and one partly off it.
    /// </summary>
    [SkippableFact]
    public void The_centre_is_the_source_pixel_gdaltransform_finds()
    {
        CliTool.SkipIfMissing("gdaltransform");
        using var source = GdalTileSource.Open(fixtures.Elevation, "EPSG:3857");
        var (sourceWidth, overviewWidths) = OverviewWidths(fixtures.Elevation);
        var (cx, cy) = CentreInWebMercator(source.Georeference!);
        foreach (var (dx, dy, half) in new[] { (0.0, 0.0, 2000.0), (-9000.0, 6000.0, 500.0), (14000.0, -3000.0, 8000.0) })
        {
            var extent = (cx + dx - half, cy + dy - half, cx + dx + half, cy + dy + half);

            var choice = GdalWarpOverview.Choose(source.Georeference!, "EPSG:3857", extent, 256, 256, sourceWidth, overviewWidths);

            var found = CliTool.RunWithInput("gdaltransform", $"{F(cx + dx)} {F(cy + dy)}\n", "-i", "-t_srs", "EPSG:3857", fixtures.Elevation)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture))
                .ToArray();
            Assert.Equal(found[0], choice.CentreColumn, 1e-6);
            Assert.Equal(found[1], choice.CentreRow, 1e-6);
        }
    }

    private static (int Width, int[] OverviewWidths) OverviewWidths(string path)
    {
        using var dataset = Interop.Gdal.OpenEx(path);
        var band = Interop.Gdal.GetRasterBand(dataset, 1);
        var widths = Enumerable.Range(0, Interop.Gdal.GetOverviewCount(band))
            .Select(i => Interop.Gdal.GetBandSize(Interop.Gdal.GetOverview(band, i)).Width)
            .ToArray();
        return (Interop.Gdal.GetRasterXSize(dataset), widths);
    }

    private static (double X, double Y) CentreInWebMercator(GdalGeoreference georeference)
    {
        var centre = georeference.Transform(georeference.SourceBounds, "EPSG:3857");
        return ((centre.XMin + centre.XMax) / 2, (centre.YMin + centre.YMax) / 2);
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Selecting overview level (\d+)")]
    private static partial Regex SelectedLevel();
}
