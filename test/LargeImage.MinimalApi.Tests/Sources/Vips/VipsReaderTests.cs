using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

public class VipsReaderTests(VipsFixtures fixtures) : IClassFixture<VipsFixtures>
{
    private readonly VipsReader reader = new();

    [Fact]
    public void Reader_is_available_with_a_version()
    {
        Assert.Equal("vips", reader.Name);
        Assert.True(reader.IsAvailable);
        Assert.StartsWith("8.", reader.Version);
    }

    [Fact]
    public void Pyramid_tiff_metadata_and_stored_levels()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        var metadata = source.Metadata;
        Assert.Equal((2000L, 1500L, 4, 256), (metadata.SizeX, metadata.SizeY, metadata.Levels, metadata.TileWidth));
        Assert.Equal(("uint8", 3, false), (metadata.DType, metadata.BandCount, metadata.Geospatial));
        Assert.Null(metadata.Frames);
        Assert.Equal(1, source.FrameCount);
        var stored = source.GetInternalMetadata()["tilePyramid"]!["storedLevels"]!.AsArray().Select(n => (int)n!).ToArray();
        Assert.Equal([0, 1, 2, 3], stored.Order());
    }

    [Fact]
    public void Each_internal_metadata_document_is_the_callers_own()
    {
        using var temp = new TempDirectory();
        var path = temp.File("single.tif");
        using (var pattern = VipsFixtures.Pattern(1100, 700, 3))
        {
            pattern.Tiffsave(path, tile: true);
        }

        using var source = reader.Open(path, null, FileVersion.Of(path));
        var first = source.GetInternalMetadata();
        first["tilePyramid"]!["storedLevels"]!.AsArray().Clear();
        first.Remove("loader");
        using var reopened = reader.Open(path, null, FileVersion.Of(path));
        var second = source.GetInternalMetadata();
        var third = reopened.GetInternalMetadata();

        // Only full resolution is stored; the coarser levels are synthesised.
        Assert.Equal([source.Metadata.Levels - 1], second["tilePyramid"]!["storedLevels"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(second.ToJsonString(), third.ToJsonString());
        Assert.NotNull(third["loader"]);
    }

    [Fact]
    public void Loader_is_the_one_libvips_finds_for_the_file()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        Assert.Equal(Image.FindLoad(fixtures.PyramidTiff), (string?)source.GetInternalMetadata()["loader"]);
    }

    [Fact]
    public void Tiles_match_the_source_pixels_at_every_level()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        using var full = Image.NewFromFile(fixtures.PyramidTiff);
        for (var z = 0; z < source.Metadata.Levels; z++)
        {
            var scale = 1 << (source.Metadata.Levels - 1 - z);
            var tile = source.ReadTile(z, 0, 0, ReadOptions.Default);
            Assert.Equal((256, 256, 3), (tile.Width, tile.Height, tile.BandCount));
            using var reference = full.Shrink(scale, scale);
            using var window = reference.Crop(0, 0, Math.Min(256, reference.Width), Math.Min(256, reference.Height));
            var tolerance = scale == 1 ? 0 : 2;
            Assert.True(PixelComparison.AgreeingFraction(tile, window, 3, tolerance) >= 0.99, $"level {z}");
        }
    }

    /// <summary>
    /// A pyramid of 512² JPEG tiles is served in 512² tiles, whole ones as stored, and its levels' pixels are libvips'
    /// own, as a reopen (from the remembered layout) serves them too.
    /// </summary>
    [Fact]
    public void A_pyramid_of_512_tiles_is_served_in_them()
    {
        using var temp = new TempDirectory();
        var path = temp.File("tiles512.tiff");
        using (var pattern = VipsFixtures.Pattern(1800, 1300, 3))
        {
            pattern.Tiffsave(path, tile: true, pyramid: true, tileWidth: 512, tileHeight: 512, compression: Enums.ForeignTiffCompression.Jpeg);
        }

        using var first = reader.Open(path, null, FileVersion.Of(path));
        using var reopened = reader.Open(path, null, FileVersion.Of(path));
        using var page = Image.Tiffload(path, page: 0);
        foreach (var source in new[] { first, reopened })
        {
            Assert.Equal((512, 512, 3), (source.Metadata.TileWidth, source.Metadata.TileHeight, source.Metadata.Levels));
            using var decoded = Image.NewFromBuffer(source.ReadStoredJpegTile(2, 1, 1, 0)!);
            using var expected = page.Crop(512, 512, 512, 512);
            Assert.Equal(1.0, PixelComparison.AgreeingFraction(source.ReadTile(2, 1, 1, ReadOptions.Default), expected, 3, 0));
            Assert.True(expected.WriteToMemory<byte>().AsSpan().SequenceEqual(decoded.WriteToMemory<byte>()));
            Assert.Null(source.ReadStoredJpegTile(2, 3, 2, 0));
        }
    }

    [Fact]
    public void A_reopened_file_reads_as_a_first_open_does()
    {
        reader.Open(fixtures.PyramidTiff, null, FileVersion.Of(fixtures.PyramidTiff)).Dispose();
        reader.Open(fixtures.MultiPageTiff, null, FileVersion.Of(fixtures.MultiPageTiff)).Dispose();
        using var reopened = reader.Open(fixtures.PyramidTiff, null, FileVersion.Of(fixtures.PyramidTiff));
        using var first = new VipsReader().Open(fixtures.PyramidTiff, null);
        Assert.Equal(first.Metadata.Levels, reopened.Metadata.Levels);
        Assert.Equal(first.GetInternalMetadata().ToJsonString(), reopened.GetInternalMetadata().ToJsonString());
        for (var z = 0; z < first.Metadata.Levels; z++)
        {
            Assert.Equal(first.ReadTile(z, 0, 0, ReadOptions.Default).Bytes, reopened.ReadTile(z, 0, 0, ReadOptions.Default).Bytes);
        }

        var window = new PixelWindow(100, 50, 400, 200);
        Assert.Equal(first.ReadRegion(window, 200, 100, ReadOptions.Default).Bytes, reopened.ReadRegion(window, 200, 100, ReadOptions.Default).Bytes);
        Assert.Equal(first.GetBands(0).Select(b => b.Max), reopened.GetBands(0).Select(b => b.Max));

        using var frames = reader.Open(fixtures.MultiPageTiff, null, FileVersion.Of(fixtures.MultiPageTiff));
        Assert.Equal(3, frames.FrameCount);
        Assert.NotEqual(frames.ReadTile(0, 0, 0, new ReadOptions(Frame: 0)).Bytes, frames.ReadTile(0, 0, 0, new ReadOptions(Frame: 1)).Bytes);
    }

    [Fact]
    public void A_reopened_sub_ifd_pyramid_reads_every_level_as_a_first_open_does()
    {
        var path = Path.Combine(fixtures.Directory, $"subifds-{Guid.NewGuid():N}.tif");
        using (var rgb = Image.Xyz(1200, 900).Cast(Enums.BandFormat.Uchar).Bandjoin(Image.Black(1200, 900)))
        {
            rgb.Tiffsave(path, tile: true, pyramid: true, subifd: true, compression: Enums.ForeignTiffCompression.Deflate);
        }

        reader.Open(path, null, FileVersion.Of(path)).Dispose();
        using var reopened = reader.Open(path, null, FileVersion.Of(path));
        using var first = new VipsReader().Open(path, null);
        var stored = reopened.GetInternalMetadata()["tilePyramid"]!["storedLevels"]!.AsArray().Count;
        Assert.Equal(first.Metadata.Levels, stored);
        for (var z = 0; z < first.Metadata.Levels; z++)
        {
            Assert.Equal(first.ReadTile(z, 0, 0, ReadOptions.Default).Bytes, reopened.ReadTile(z, 0, 0, ReadOptions.Default).Bytes);
        }
    }

    [Fact]
    public void A_replaced_file_is_read_again()
    {
        var path = Path.Combine(fixtures.Directory, $"replaced-{Guid.NewGuid():N}.tif");
        foreach (var (width, height) in new[] { (600, 400), (1000, 700) })
        {
            using (var image = Image.Black(width, height, bands: 3))
            {
                image.Tiffsave(path, tile: true, pyramid: true, compression: Enums.ForeignTiffCompression.Jpeg);
            }

            using var source = reader.Open(path, null);
            Assert.Equal((width, (long)height), (source.Metadata.SizeX, source.Metadata.SizeY));
        }
    }

    [Fact]
    public void Edge_tiles_mask_pixels_beyond_the_image()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        var tile = source.ReadTile(3, 7, 5, ReadOptions.Default);
        Assert.NotNull(tile.Mask);
        Assert.Equal((2000 - (7 * 256)) * (1500 - (5 * 256)), PixelComparison.ValidCount(tile));
        Assert.False(tile.IsValid((255 * 256) + 255));
        Assert.Throws<TileOutOfRangeException>(() => source.ReadTile(3, 8, 0, ReadOptions.Default));
        Assert.Throws<TileOutOfRangeException>(() => source.ReadTile(4, 0, 0, ReadOptions.Default));
    }

    [Fact]
    public void Region_pixel_corners_and_bands()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        var region = source.ReadRegion(new PixelWindow(100, 50, 400, 200), 200, 100, ReadOptions.Default);
        Assert.Equal((200, 100), (region.Width, region.Height));
        Assert.Null(region.Mask);

        var pixel = source.ReadPixel(10, 20, ReadOptions.Default);
        Assert.Equal(new double[] { (10 + 60) % 256, (20 + 60) % 256, (30 + 60) % 256 }, pixel);
        Assert.Null(source.ReadPixel(2000, 0, ReadOptions.Default));

        var corners = source.GetTileCorners(0, 0, 0);
        Assert.Equal((0d, 2000d, 0d, 1500d), (corners.XMin, corners.XMax, corners.YMin, corners.YMax));

        var bands = source.GetBands(0);
        Assert.Equal(["red", "green", "blue"], bands.Select(b => b.Interpretation));
        Assert.All(bands, b => Assert.InRange(b.Max!.Value, 200, 255));
        Assert.Throws<InvalidParameterException>(() => source.GetBands(1));
        Assert.Throws<InvalidParameterException>(() => source.ReadTile(0, 0, 0, new ReadOptions(Frame: 1)));
    }

    [Fact]
    public void Png_with_alpha_keeps_alpha_as_a_band()
    {
        using var source = reader.Open(fixtures.Png, null);
        Assert.Equal((300L, 200L, 2, 4), (source.Metadata.SizeX, source.Metadata.SizeY, source.Metadata.Levels, source.Metadata.BandCount));
        var tile = source.ReadTile(1, 0, 0, ReadOptions.Default);
        Assert.Equal(255, tile[0, 3]);
        Assert.Equal(128, tile[(10 * 256) + 200, 3]);
        Assert.True(tile.IsValid((10 * 256) + 255));
        Assert.False(tile.IsValid((210 * 256) + 10));
        var low = source.ReadTile(0, 0, 0, ReadOptions.Default);
        Assert.Equal(150 * 100, PixelComparison.ValidCount(low));
        Assert.Equal(["red", "green", "blue", "alpha"], source.GetBands(0).Select(b => b.Interpretation));
    }

    [Fact]
    public void Band_layout_names_the_bands_as_the_statistics_do_without_computing_them()
    {
        using var source = reader.Open(fixtures.Png, null);

        var layout = source.GetBandLayout(0);

        Assert.Equal(source.GetBands(0).Select(b => b.Interpretation), layout.Select(b => b.Interpretation));
        Assert.All(layout, band => Assert.Null(band.Max));
        Assert.Throws<InvalidParameterException>(() => source.GetBandLayout(1));
    }

    [Fact]
    public void Sixteen_bit_png_is_read_as_uint16_values()
    {
        using var source = reader.Open(fixtures.Png16, null);
        Assert.Equal("uint16", source.Metadata.DType);
        var tile = source.ReadTile(0, 0, 0, ReadOptions.Default);
        Assert.Equal(PixelType.UInt16, tile.Type);
        Assert.NotNull(tile.Values);
        Assert.Equal(((5 * 1) + (3 * 7)) % 256 * 257, tile[(7 * 256) + 5, 0]);
    }

    [Fact]
    public void Same_size_pages_are_frames()
    {
        using var source = reader.Open(fixtures.MultiPageTiff, null);
        Assert.Equal(3, source.FrameCount);
        Assert.Equal([0, 1, 2], source.Metadata.Frames!.Select(f => f.Frame));
        Assert.Null(source.Metadata.IndexRange);
        var values = Enumerable.Range(0, 3).Select(f => source.ReadTile(0, 0, 0, new ReadOptions(f))[(5 * 256) + 5, 0]).ToArray();
        var original = ((5 * 1) + (3 * 5)) % 256;
        Assert.Equal(new double[] { original, 255 - original, original / 2 }, values);
        Assert.Throws<InvalidParameterException>(() => source.ReadTile(0, 0, 0, new ReadOptions(3)));
    }

    [Fact]
    public void Concurrent_tile_reads_of_one_source_agree_with_serial_reads()
    {
        using var source = reader.Open(fixtures.PyramidTiff, null);
        var tiles = Enumerable.Range(0, source.Metadata.Levels)
            .SelectMany(z => Enumerable.Range(0, 1 << z).SelectMany(x => Enumerable.Range(0, 1 << z).Select(y => (z, x, y))))
            .Where(t => t.x * 256L << (source.Metadata.Levels - 1 - t.z) < 2000 && t.y * 256L << (source.Metadata.Levels - 1 - t.z) < 1500)
            .ToArray();
        var serial = tiles.Select(t => source.ReadTile(t.z, t.x, t.y, ReadOptions.Default).Bytes!).ToArray();
        var parallel = new byte[tiles.Length][];
        Parallel.For(0, tiles.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[i % tiles.Length] = source.ReadTile(tiles[i % tiles.Length].z, tiles[i % tiles.Length].x, tiles[i % tiles.Length].y, ReadOptions.Default).Bytes!);
        Assert.All(Enumerable.Range(0, tiles.Length), i => Assert.Equal(serial[i], parallel[i]));
    }

    [Fact]
    public void Corrupt_files_are_refused_as_unsupported()
    {
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.TruncatedTiff, null));
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.TextSvs, null));
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.EmptyTiff, null));
    }

    [Fact]
    public void Projection_is_refused()
    {
        var error = Assert.Throws<InvalidParameterException>(() => reader.Open(fixtures.Png, "EPSG:3857"));
        Assert.Equal("projection", error.Parameter);
    }

    [Fact]
    public void Priorities_rank_plain_images_and_tiffs()
    {
        Assert.Equal(SourcePriority.Higher, reader.GetPriority(fixtures.Png, File.ReadAllBytes(fixtures.Png).AsSpan(0, 16), false));
        Assert.Equal(SourcePriority.High, reader.GetPriority(fixtures.PyramidTiff, File.ReadAllBytes(fixtures.PyramidTiff).AsSpan(0, 16), false));
        Assert.Null(reader.GetPriority(fixtures.PyramidTiff, File.ReadAllBytes(fixtures.PyramidTiff).AsSpan(0, 16), true));
        Assert.Null(reader.GetPriority(fixtures.TextSvs, File.ReadAllBytes(fixtures.TextSvs).AsSpan(0, 16), false));
        Assert.Null(reader.GetPriority(fixtures.EmptyTiff, [], false));
    }
}
