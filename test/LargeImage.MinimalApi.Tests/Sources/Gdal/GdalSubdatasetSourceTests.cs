using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalSubdatasetSourceTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void The_variables_of_a_netcdf_file_are_its_frames_in_the_files_order()
    {
        GdalAvailability.SkipIfUnavailable();
        // GDAL writes each band of the RGB fixture as a variable of its own (Band1, Band2, Band3).
        var path = temp.File("rgb.nc");
        CliTool.Run("gdal_translate", "-q", "-of", "netCDF", fixtures.Rgb, path);

        using var source = new GdalReader().Open(path, projection: null);

        Assert.Equal(3, source.FrameCount);
        Assert.Equal(["Band1", "Band2", "Band3"], source.Metadata.Channels);
        Assert.Equal([0, 1, 2], source.Metadata.Frames!.Select(f => f.IndexC));
        Assert.Equal((600, 400, 1), (source.Metadata.SizeX, source.Metadata.SizeY, source.Metadata.BandCount));
        Assert.True(source.Metadata.Geospatial);
        var bounds = source.Metadata.Bounds!;
        Assert.Equal((10, 16, 46, 50), (Math.Round(bounds.XMin, 6), Math.Round(bounds.XMax, 6), Math.Round(bounds.YMin, 6), Math.Round(bounds.YMax, 6)));
        for (var frame = 0; frame < 3; frame++)
        {
            var region = source.ReadRegion(new PixelWindow(250, 120, 40, 30), 40, 30, new ReadOptions(frame));
            for (var y = 0; y < 30; y++)
            {
                for (var x = 0; x < 40; x++)
                {
                    Assert.Equal(GdalFixtures.RgbAt(frame, 250 + x, 120 + y), region[(y * 40) + x, 0]);
                }
            }

            Assert.Equal([GdalFixtures.RgbAt(frame, 17, 333)], source.ReadPixel(17, 333, new ReadOptions(frame)));
        }

        Assert.Throws<InvalidParameterException>(() => source.ReadTile(0, 0, 0, new ReadOptions(3)));
    }

    [SkippableFact]
    public void Only_subdatasets_shaped_like_the_largest_are_frames_and_every_one_is_listed()
    {
        GdalAvailability.SkipIfUnavailable();
        // gdalmdimtranslate writes variables in the order of their names.
        var path = MultiVariableNetCdf(("aux", 20, 10, 1), ("pres", 300, 200, 2), ("temp", 300, 200, 3));

        using var source = new GdalReader().Open(path, projection: null);

        Assert.Equal(["pres", "temp"], source.Metadata.Channels);
        Assert.Equal((300, 200), (source.Metadata.SizeX, source.Metadata.SizeY));
        Assert.Equal([3.0], source.ReadPixel(5, 5, new ReadOptions(1)));
        Assert.Equal(2.0, source.GetBands(0)[0].Max);
        var listed = source.GetInternalMetadata()["subdatasets"]!.AsArray()
            .Select(s => ((string?)s!["name"], (int?)s["frame"]))
            .ToArray();
        Assert.Equal([("aux", null), ("pres", 0), ("temp", 1)], listed);
    }

    [SkippableFact]
    public void A_single_variable_is_one_frame_without_a_frame_list()
    {
        GdalAvailability.SkipIfUnavailable();
        var path = MultiVariableNetCdf(("aux", 20, 10, 1), ("temp", 300, 200, 2));

        using var source = new GdalReader().Open(path, projection: null);

        Assert.Equal(1, source.FrameCount);
        Assert.Null(source.Metadata.Frames);
        Assert.Equal([2.0], source.ReadPixel(299, 199, ReadOptions.Default));
    }

    [SkippableFact]
    public void The_raster_tables_of_a_geopackage_are_its_frames()
    {
        GdalAvailability.SkipIfUnavailable();
        var path = temp.File("tables.gpkg");
        CliTool.Run("gdal_translate", "-q", "-of", "GPKG", "-co", "TILE_FORMAT=PNG", "-co", "RASTER_TABLE=straight", fixtures.Rgb, path);
        CliTool.Run(
            "gdal_translate", "-q", "-of", "GPKG", "-co", "TILE_FORMAT=PNG", "-co", "RASTER_TABLE=swapped", "-co", "APPEND_SUBDATASET=YES",
            "-b", "3", "-b", "2", "-b", "1", fixtures.Rgb, path);

        using var source = new GdalReader().Open(path, projection: null);

        Assert.Equal(["straight", "swapped"], source.Metadata.Channels);
        var straight = source.ReadPixel(123, 45, new ReadOptions(0))!;
        var swapped = source.ReadPixel(123, 45, new ReadOptions(1))!;
        Assert.Equal([GdalFixtures.RgbAt(0, 123, 45), GdalFixtures.RgbAt(1, 123, 45), GdalFixtures.RgbAt(2, 123, 45)], straight.Take(3));
        Assert.Equal([GdalFixtures.RgbAt(2, 123, 45), GdalFixtures.RgbAt(1, 123, 45), GdalFixtures.RgbAt(0, 123, 45)], swapped.Take(3));
    }

    /// <summary>
    /// A reopen of the same version takes the container's listing from the first open instead of opening every
    /// subdataset again; another version is listed afresh.
    /// </summary>
    [SkippableFact]
    public void A_containers_listing_is_remembered_per_version()
    {
        GdalAvailability.SkipIfUnavailable();
        var reader = new GdalReader();
        var path = MultiVariableNetCdf(("pres", 300, 200, 2), ("temp", 300, 200, 3));
        reader.Open(path, projection: null, version: "v1").Dispose();
        File.Delete(path);
        MultiVariableNetCdf(("pres", 300, 200, 4), ("wind", 300, 200, 5));

        using (var remembered = reader.Open(path, projection: null, version: "v1"))
        {
            Assert.Equal(["pres", "temp"], remembered.Metadata.Channels);
            Assert.Equal([4.0], remembered.ReadPixel(0, 0, ReadOptions.Default));
        }

        using var listed = reader.Open(path, projection: null, version: "v2");
        Assert.Equal(["pres", "wind"], listed.Metadata.Channels);
        Assert.Equal([5.0], listed.ReadPixel(0, 0, new ReadOptions(1)));
    }

    /// <summary>A netCDF file with one float variable per entry, filled with its value, written by gdalmdimtranslate.</summary>
    private string MultiVariableNetCdf(params (string Name, int Width, int Height, double Value)[] variables)
    {
        var dimensions = new List<string>();
        var arrays = new List<string>();
        foreach (var (name, width, height, value) in variables)
        {
            var raster = temp.File($"{name}.tif");
            CliTool.Run("gdal_create", "-q", "-of", "GTiff", "-outsize", $"{width}", $"{height}", "-bands", "1", "-ot", "Float32", "-burn", $"{value}", raster);
            dimensions.Add($"<Dimension name=\"{name}_y\" size=\"{height}\"/><Dimension name=\"{name}_x\" size=\"{width}\"/>");
            arrays.Add(
                $"<Array name=\"{name}\"><DataType>Float32</DataType><DimensionRef ref=\"{name}_y\"/><DimensionRef ref=\"{name}_x\"/>"
                + $"<Source><SourceFilename>{raster}</SourceFilename><SourceBand>1</SourceBand></Source></Array>");
        }

        var vrt = temp.File("variables.vrt");
        File.WriteAllText(vrt, $"<VRTDataset><Group name=\"/\">{string.Concat(dimensions)}{string.Concat(arrays)}</Group></VRTDataset>");
        var path = temp.File("variables.nc");
        CliTool.Run("gdalmdimtranslate", "-q", "-of", "netCDF", vrt, path);
        return path;
    }
}
