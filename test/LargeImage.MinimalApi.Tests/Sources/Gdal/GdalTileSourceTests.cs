using System.Globalization;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalTileSourceTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    [SkippableFact]
    public void Native_metadata_describes_the_float_cog()
    {
        using var source = Open(fixtures.Elevation);

        var m = source.Metadata;

        Assert.Equal(3, m.Levels);
        Assert.Equal((1000, 800), (m.SizeX, m.SizeY));
        Assert.Equal((256, 256), (m.TileWidth, m.TileHeight));
        Assert.Equal("float32", m.DType);
        Assert.Equal(1, m.BandCount);
        Assert.True(m.Geospatial);
        Assert.Null(m.Projection);
        Assert.Equal(30_000, m.MmX!.Value, 6);
        Assert.Equal(30_000, m.MmY!.Value, 6);
        Assert.Equal("EPSG:32633", m.SourceBounds!.Srs);
        Assert.Equal(500000, m.SourceBounds.XMin, 6);
        Assert.Equal(4976000, m.SourceBounds.YMin, 6);
        Assert.Equal("EPSG:4326", m.Bounds!.Srs);
        Assert.InRange(m.Bounds.XMin, 14.99, 15.01);
        var band = m.Bands!["1"];
        Assert.Equal("gray", band.Interpretation);
        Assert.Equal(GdalFixtures.ElevationNodata, band.Nodata);
        Assert.True(band.Min > GdalFixtures.ElevationNodata);
    }

    [SkippableFact]
    public void Native_tile_at_full_resolution_holds_the_raw_values_and_masks_nodata()
    {
        using var source = Open(fixtures.Elevation);

        var tile = source.ReadTile(2, 2, 0, ReadOptions.Default);

        Assert.Equal(PixelType.Float32, tile.Type);
        Assert.NotNull(tile.Mask);
        for (var y = 0; y < 256; y += 5)
        {
            for (var x = 0; x < 256; x += 5)
            {
                var expected = GdalFixtures.ElevationAt(512 + x, y);
                var pixel = (y * 256) + x;
                Assert.Equal((float)expected, (float)tile[pixel, 0]);
                Assert.Equal(expected != GdalFixtures.ElevationNodata, tile.IsValid(pixel));
            }
        }
    }

    [SkippableFact]
    public void Edge_tiles_are_full_size_and_masked_beyond_the_image()
    {
        using var source = Open(fixtures.Elevation);

        var tile = source.ReadTile(2, 3, 3, ReadOptions.Default);

        Assert.Equal((256, 256), (tile.Width, tile.Height));
        Assert.True(tile.IsValid((31 * 256) + 231));
        Assert.False(tile.IsValid((31 * 256) + 232));
        Assert.False(tile.IsValid((32 * 256) + 10));
        Assert.Equal((float)GdalFixtures.ElevationAt(999, 799), (float)tile[(31 * 256) + 231, 0]);
    }

    [SkippableFact]
    public void Lowest_level_tile_is_the_whole_image_downsampled()
    {
        using var source = Open(fixtures.Rgb);

        var tile = source.ReadTile(0, 0, 0, ReadOptions.Default);

        Assert.Equal(PixelType.UInt8, tile.Type);
        Assert.NotNull(tile.Bytes);
        Assert.True(tile.IsValid((99 * 256) + 149));
        Assert.False(tile.IsValid((100 * 256) + 10));
        Assert.False(tile.IsValid(150));
    }

    [SkippableTheory]
    [InlineData(-1, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(2, 4, 0)]
    [InlineData(2, 0, 4)]
    [InlineData(0, 1, 0)]
    [InlineData(1, -1, 0)]
    public void Tiles_outside_the_native_pyramid_are_out_of_range(int z, int x, int y)
    {
        using var source = Open(fixtures.Elevation);

        Assert.Throws<TileOutOfRangeException>(() => source.ReadTile(z, x, y, ReadOptions.Default));
    }

    [SkippableFact]
    public void Web_mercator_metadata_follows_large_images_level_formula()
    {
        using var source = Open(fixtures.Elevation, "EPSG:3857");

        var m = source.Metadata;

        // About 30 m on the ground: ceil(log2(40075016.69 / 30 / 256)) + 1.
        Assert.InRange(source.Georeference!.PixelSizeInMeters, 29.5, 30.5);
        Assert.Equal(14, m.Levels);
        Assert.Equal(256L << (m.Levels - 1), m.SizeX);
        Assert.Equal(m.SizeX, m.SizeY);
        Assert.Equal("EPSG:3857", m.Projection);
        Assert.Equal(3, m.SourceLevels);
        Assert.Equal(1000, m.SourceSizeX);
    }

    [SkippableTheory]
    [InlineData(0, 1, 0)]
    [InlineData(2, 4, 1)]
    [InlineData(2, 1, -1)]
    [InlineData(30, 0, 0)]
    public void Web_mercator_tiles_outside_the_world_are_out_of_range(int z, int x, int y)
    {
        using var source = Open(fixtures.Rgb, "EPSG:3857");

        Assert.Throws<TileOutOfRangeException>(() => source.ReadTile(z, x, y, ReadOptions.Default));
    }

    [SkippableFact]
    public void Web_mercator_tile_away_from_the_image_is_fully_masked()
    {
        using var source = Open(fixtures.Rgb, "EPSG:3857");

        Assert.False(source.TouchesImage(3, 0, 0));
        var tile = source.ReadTile(3, 0, 0, ReadOptions.Default);

        Assert.NotNull(tile.Mask);
        Assert.All(tile.Mask, m => Assert.Equal(0, m));
    }

    [SkippableFact]
    public void Web_mercator_tile_over_the_image_has_data_and_a_mask_at_its_border()
    {
        using var source = Open(fixtures.Rgb, "EPSG:3857");

        // 10-16°E, 46-50°N lies in z=5 tile (16, 10) and spills over its neighbours.
        Assert.True(source.TouchesImage(5, 16, 10));
        var tile = source.ReadTile(5, 16, 10, ReadOptions.Default);

        Assert.NotNull(tile.Mask);
        Assert.Contains(tile.Mask, m => m == 255);
        Assert.Contains(tile.Mask, m => m == 0);
        Assert.Equal(3, tile.BandCount);
    }

    [SkippableFact]
    public async Task Web_mercator_tiles_at_every_zoom_equal_gdalwarps_from_the_overview_it_picks()
    {
        using var source = Open(fixtures.Elevation, "EPSG:3857");
        CliTool.SkipIfMissing("gdalwarp");
        using var temp = new TempDirectory("li-warp-zooms");
        var bounds = source.Metadata.Bounds!;
        var (lon, lat) = ((bounds.XMin + bounds.XMax) / 2, (bounds.YMin + bounds.YMax) / 2);
        // The fixture's overviews are 2× and 4× reductions; these zooms read full resolution and both overviews.
        var zooms = Enumerable.Range(source.Metadata.Levels - 5, 5);

        var results = await Task.WhenAll(zooms.Select(z => Task.Run(() =>
        {
            var (px, py) = WorldPixel(lon, lat, z + 1);
            var (x, y) = ((int)(px / 256), (int)(py / 256));
            var (xmin, ymin, xmax, ymax) = source.Grid!.TileBounds(z, x, y);
            var output = temp.File($"warp_{z}.bin");
            CliTool.Run(
                "gdalwarp", "-q", "-t_srs", "EPSG:3857", "-te", F(xmin), F(ymin), F(xmax), F(ymax), "-ts", "256", "256",
                "-r", "near", "-dstalpha", "-ot", "Float64", "-of", "ENVI", fixtures.Elevation, output);
            return (z, tile: source.ReadTile(z, x, y, ReadOptions.Default), reference: EnviImage.Read(output));
        })));

        foreach (var (z, tile, reference) in results)
        {
            for (var i = 0; i < 256 * 256; i++)
            {
                var (x, y) = (i % 256, i / 256);
                var valid = reference[1, x, y] > 0;
                Assert.True(valid == tile.IsValid(i), $"z={z} mask at ({x}, {y})");
                Assert.True(!valid || reference[0, x, y] == tile[i, 0], $"z={z} value at ({x}, {y}): {tile[i, 0]}, gdalwarp {reference[0, x, y]}");
            }
        }
    }

    [SkippableFact]
    public void Tile_corners_are_metres_in_web_mercator_and_flipped_pixels_natively()
    {
        using var projected = Open(fixtures.Rgb, "EPSG:3857");
        using var native = Open(fixtures.Rgb);

        var world = projected.GetTileCorners(0, 0, 0);
        var pixels = native.GetTileCorners(2, 1, 0);

        Assert.Equal(-20037508.342789244, world.XMin, 6);
        Assert.Equal(20037508.342789244, world.YMax, 6);
        Assert.Equal("EPSG:3857", world.Units);
        Assert.Equal((256, 512, 400 - 256, 400), (pixels.XMin, pixels.XMax, pixels.YMin, pixels.YMax));
        Assert.Equal("pixels", pixels.Units);
    }

    [SkippableFact]
    public void Pixels_are_raw_values_in_both_grids()
    {
        using var native = Open(fixtures.Rgb);
        using var projected = Open(fixtures.Rgb, "EPSG:3857");

        Assert.Equal([RgbAt(0, 123, 45), RgbAt(1, 123, 45), RgbAt(2, 123, 45)], native.ReadPixel(123, 45, ReadOptions.Default));
        Assert.Null(native.ReadPixel(600, 0, ReadOptions.Default));
        Assert.Null(native.ReadPixel(-1, 0, ReadOptions.Default));

        // The world pixel over 13.0055°E, 48.0055°N (the centre of source pixel (300, 199)).
        var levels = projected.Metadata.Levels;
        var (x, y) = WorldPixel(13.0055, 48.0055, levels);
        var value = projected.ReadPixel(x, y, ReadOptions.Default);
        Assert.Equal([RgbAt(0, 300, 199), RgbAt(1, 300, 199), RgbAt(2, 300, 199)], value);
        Assert.Null(projected.ReadPixel(0, 0, ReadOptions.Default));
    }

    [SkippableFact]
    public void Region_reads_resample_and_mask_outside()
    {
        using var source = Open(fixtures.Plain);

        var region = source.ReadRegion(new PixelWindow(-150, 0, 300, 200), 150, 100, ReadOptions.Default);

        Assert.Equal((150, 100), (region.Width, region.Height));
        Assert.False(region.IsValid(10));
        Assert.True(region.IsValid(80));
        Assert.Equal(RgbAt(0, 1, 0), region[75, 0]);
    }

    [SkippableFact]
    public void Bilinear_resampling_is_accepted_and_unknown_names_are_invalid()
    {
        using var source = Open(fixtures.Elevation);

        var tile = source.ReadTile(0, 0, 0, new ReadOptions(Resampling: "bilinear"));

        Assert.Equal(256, tile.Width);
        var error = Assert.Throws<InvalidParameterException>(() => source.ReadTile(0, 0, 0, new ReadOptions(Resampling: "sharpest")));
        Assert.Equal("resampling", error.Parameter);
    }

    [SkippableFact]
    public void Plain_image_is_not_geospatial_and_refuses_a_projection()
    {
        using var source = Open(fixtures.Plain);

        Assert.False(source.Metadata.Geospatial);
        Assert.Null(source.Metadata.Bounds);
        Assert.Equal(["red", "green", "blue"], source.GetBands(0).Select(b => b.Interpretation));
        var error = Assert.Throws<InvalidParameterException>(() => Open(fixtures.Plain, "EPSG:3857"));
        Assert.Equal("projection", error.Parameter);
    }

    [SkippableFact]
    public void Band_layout_describes_the_bands_as_get_bands_does_without_statistics()
    {
        using var source = Open(fixtures.Elevation);

        var layout = source.GetBandLayout(0);
        var bands = source.GetBands(0);

        Assert.Equal(bands.Select(b => (b.Interpretation, b.Nodata)), layout.Select(b => (b.Interpretation, b.Nodata)));
        Assert.All(layout, band => Assert.Null(band.Max));
        Assert.NotNull(bands[0].Max);
        Assert.Same(bands, source.GetBandLayout(0));
    }

    [SkippableFact]
    public void A_geotransform_without_crs_is_taken_as_wgs84_like_large_image()
    {
        using var source = Open(fixtures.NoCrs, "EPSG:3857");

        Assert.True(source.Metadata.Geospatial);
        Assert.Equal(-5, source.Metadata.Bounds!.XMin, 9);
        var (x, y) = WorldPixel(-4.0, 2.5, source.Metadata.Levels);
        var tile = source.ReadRegion(new PixelWindow(x - 8, y - 8, 16, 16), 16, 16, ReadOptions.Default);
        Assert.Null(tile.Mask);
    }

    [SkippableTheory]
    [InlineData("EPSG:999999")]
    [InlineData("nonsense")]
    [InlineData("EPSG:4326")]
    [InlineData("/etc/passwd")]
    public void Unknown_or_geographic_projections_are_invalid(string projection)
    {
        GdalAvailability.SkipIfUnavailable();
        var path = fixtures.Rgb;

        var error = Assert.Throws<InvalidParameterException>(() => GdalTileSource.Open(path, projection));

        Assert.Equal("projection", error.Parameter);
    }

    [SkippableFact]
    public void Internal_metadata_reports_driver_srs_and_structure()
    {
        using var source = Open(fixtures.Elevation);

        var internalMetadata = source.GetInternalMetadata();

        Assert.Equal("GTiff", (string?)internalMetadata["driverShortName"]);
        Assert.Equal("EPSG:32633", (string?)internalMetadata["epsg"]);
        Assert.Equal(30.0, (double)internalMetadata["GeoTransform"]![1]!);
        Assert.NotNull(internalMetadata["projjson"]?["name"]);
        Assert.Equal("DEFLATE", (string?)internalMetadata["compression"]);
        Assert.Equal("COG", (string?)internalMetadata["layout"]);
        Assert.True(internalMetadata["overviews"]!.AsArray().Count >= 1);
        Assert.Equal(["elevation_cog.tif"], internalMetadata["fileList"]!.AsArray().Select(n => (string?)n));
        Assert.IsType<JsonObject>(internalMetadata["Metadata"]!["IMAGE_STRUCTURE"]);
    }

    [SkippableFact]
    public void Statistics_never_write_a_sidecar_next_to_the_image()
    {
        using var source = Open(fixtures.Rgb);

        _ = source.GetBands(0);
        source.Dispose();

        Assert.False(File.Exists(fixtures.Rgb + ".aux.xml"));
    }

    [SkippableFact]
    public async Task Concurrent_reads_give_the_same_tiles_as_sequential_reads()
    {
        using var source = Open(fixtures.Elevation);
        var tiles = (from x in Enumerable.Range(0, 4) from y in Enumerable.Range(0, 4) select (x, y)).ToArray();
        var expected = tiles.Select(t => source.ReadTile(2, t.x, t.y, ReadOptions.Default).Values!).ToArray();

        var actual = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => tiles.Select((t, i) => Task.Run(() =>
            (i, values: source.ReadTile(2, t.x, t.y, ReadOptions.Default).Values!)))));

        Assert.All(actual, r => Assert.Equal(expected[r.i], r.values));
    }

    internal static byte RgbAt(int band, int x, int y) => GdalFixtures.RgbAt(band, x, y);

    /// <summary>The world pixel of a longitude/latitude in a web-mercator grid of <paramref name="levels"/> levels.</summary>
    internal static (long X, long Y) WorldPixel(double lon, double lat, int levels)
    {
        var size = Math.Pow(2, levels - 1) * 256;
        var x = (lon + 180) / 360 * size;
        var y = (1 - (Math.Log(Math.Tan(Math.PI / 4 + (lat * Math.PI / 360))) / Math.PI)) / 2 * size;
        return ((long)Math.Floor(x), (long)Math.Floor(y));
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static GdalTileSource Open(string path, string? projection = null)
    {
        GdalAvailability.SkipIfUnavailable();
        return GdalTileSource.Open(path, projection);
    }
}
