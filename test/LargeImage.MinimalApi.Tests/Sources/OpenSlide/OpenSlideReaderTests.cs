using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.OpenSlide;
using LargeImage.MinimalApi.Sources.Vips;
using LargeImage.MinimalApi.Tests.Sources.Vips;

namespace LargeImage.MinimalApi.Tests.Sources.OpenSlide;

public class OpenSlideReaderTests(VipsFixtures fixtures) : IClassFixture<VipsFixtures>
{
    private const string Svs = "libvips/CMU-1-Small-Region.svs";
    private readonly OpenSlideReader reader = new();

    private void RequireOpenSlide() => Skip.IfNot(reader.IsAvailable, $"OpenSlide is not installed: {reader.Version}");

    [SkippableFact]
    public void Svs_metadata_matches_large_image()
    {
        RequireOpenSlide();
        using var source = reader.Open(TestData.Path(Svs), null);
        var metadata = source.Metadata;
        Assert.Equal((2220L, 2967L, 5), (metadata.SizeX, metadata.SizeY, metadata.Levels));
        // The slide's own tiles, as large_image serves it.
        Assert.Equal((240, 240), (metadata.TileWidth, metadata.TileHeight));
        Assert.Equal(0.000499, metadata.MmX!.Value, 9);
        Assert.Equal(0.000499, metadata.MmY!.Value, 9);
        Assert.Equal(20, metadata.Magnification);
        Assert.Equal(("uint8", 4, false), (metadata.DType, metadata.BandCount, metadata.Geospatial));
        var internalMetadata = source.GetInternalMetadata();
        Assert.Equal("aperio", (string?)internalMetadata["openslide"]!["openslide.vendor"]);
        Assert.Equal("aperio", (string?)internalMetadata["vendor"]);
        Assert.StartsWith("Aperio", (string?)internalMetadata["aperio_version"]);
    }

    [SkippableFact]
    public void Svs_associated_images_are_read_whole()
    {
        RequireOpenSlide();
        using var source = reader.Open(TestData.Path(Svs), null);
        Assert.Contains("label", source.AssociatedImageNames);
        Assert.Contains("macro", source.AssociatedImageNames);
        var macro = source.ReadAssociatedImage("macro");
        Assert.Equal((1280, 431, 4), (macro.Width, macro.Height, macro.BandCount));
        Assert.Throws<ImageNotFoundException>(() => source.ReadAssociatedImage("nope"));
    }

    [SkippableFact]
    public void Tiles_pixels_bands_and_frames()
    {
        RequireOpenSlide();
        using var source = reader.Open(TestData.Path(Svs), null);
        var edge = source.ReadTile(4, 9, 12, ReadOptions.Default);
        Assert.Equal((2220 - 2160) * (2967 - 2880), PixelComparison.ValidCount(edge));
        var low = source.ReadTile(0, 0, 0, ReadOptions.Default);
        Assert.Equal((240, 240, 4), (low.Width, low.Height, low.BandCount));
        Assert.Equal((int)Math.Round(2220 / 16.0) * (int)Math.Round(2967 / 16.0), PixelComparison.ValidCount(low));
        Assert.Equal(255, low[(100 * 240) + 100, 3]);
        Assert.Equal(4, source.ReadPixel(100, 100, ReadOptions.Default)!.Count);
        Assert.Null(source.ReadPixel(-1, 0, ReadOptions.Default));
        Assert.Equal(["red", "green", "blue", "alpha"], source.GetBands(0).Select(b => b.Interpretation));
        Assert.Throws<InvalidParameterException>(() => source.ReadTile(0, 0, 0, new ReadOptions(Frame: 1)));
        Assert.Throws<TileOutOfRangeException>(() => source.ReadTile(5, 0, 0, ReadOptions.Default));
    }

    /// <summary>
    /// Aperio's 240² JPEG tiles and a generic tiled TIFF's 256² ones are decoded without OpenSlide where a tile copies
    /// a level or reduces one, and give exactly the pixels OpenSlide's own read of the same window gives, edges included.
    /// </summary>
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void Level_tiles_decoded_directly_match_openslide(bool aperio)
    {
        RequireOpenSlide();
        var path = aperio ? TestData.Path(Svs) : GenericTiff(1100, 700);

        using var source = (OpenSlideTileSource)reader.Open(path, null);
        using var slide = Interop.OpenSlide.Open(path)!;
        var (z, edge) = (source.Metadata.Levels - 1, source.Metadata.TileWidth);
        var (columns, rows) = ((int)((source.Metadata.SizeX + edge - 1) / edge), (int)((source.Metadata.SizeY + edge - 1) / edge));
        foreach (var (x, y) in new[] { (0, 0), (1, 1), (columns - 1, rows - 1) })
        {
            var tile = source.ReadTile(z, x, y, ReadOptions.Default);
            var (width, height) = ((int)Math.Min(edge, source.Metadata.SizeX - (x * edge)), (int)Math.Min(edge, source.Metadata.SizeY - (y * edge)));
            var rgba = Interop.OpenSlide.ReadRegion(slide, (long)x * edge, (long)y * edge, 0, width, height);
            using var reference = NetVips.Image.NewFromMemory(rgba, width, height, 4, NetVips.Enums.BandFormat.Uchar);
            Assert.Equal(width * height, PixelComparison.ValidCount(tile));
            Assert.Equal(1.0, PixelComparison.AgreeingFraction(tile, reference, 4, 0));
        }

        Assert.True(source.DecodesJpegDirectly(0));

        // One level coarser: the slide stores none (its pixels come from level 0, decoded directly and reduced), the
        // generic pyramid stores it.
        using var coarser = (OpenSlideTileSource)reader.Open(path, null);
        coarser.ReadTile(z - 1, 0, 0, ReadOptions.Default);
        Assert.True(coarser.DecodesJpegDirectly(aperio ? 0 : 1));
    }

    /// <summary>
    /// Aperio's 240² tiles are the grid's, so a whole full-resolution tile is one stored JPEG, sent as the file holds it
    /// and decoding to the tile's pixels; a tile cut off by the edge or one coarser level has none.
    /// </summary>
    [SkippableFact]
    public void Whole_aperio_tiles_are_sent_as_stored()
    {
        RequireOpenSlide();
        using var source = reader.Open(TestData.Path(Svs), null);
        var z = source.Metadata.Levels - 1;
        var stored = source.ReadStoredJpegTile(z, 3, 5, 0);
        Assert.NotNull(stored);
        using var decoded = NetVips.Image.NewFromBuffer(stored);
        Assert.Equal((240, 240, 3), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.Equal(1.0, PixelComparison.AgreeingFraction(source.ReadTile(z, 3, 5, ReadOptions.Default), decoded, 3, 0));

        Assert.Null(source.ReadStoredJpegTile(z, 9, 12, 0));
        Assert.Null(source.ReadStoredJpegTile(z - 1, 1, 1, 0));
        Assert.Throws<TileOutOfRangeException>(() => source.ReadStoredJpegTile(z, 10, 0, 0));
    }

    /// <summary>
    /// A reopen of an unchanged slide takes its facts from the first open and no OpenSlide handle: every tile, at every
    /// level, is decoded straight from the file and equals the first open's; a read only OpenSlide can do opens one.
    /// </summary>
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reopened_slide_reads_like_a_first_open_without_openslide_until_needed(bool aperio)
    {
        RequireOpenSlide();
        var path = aperio ? TestData.Path(Svs) : GenericTiff(1100, 700);
        using var first = (OpenSlideTileSource)reader.Open(path, null, FileVersion.Of(path));
        using var reopened = (OpenSlideTileSource)reader.Open(path, null, FileVersion.Of(path));
        Assert.True(first.HasSlideHandle);
        Assert.False(reopened.HasSlideHandle);
        Assert.Equal(first.Metadata, reopened.Metadata);
        Assert.Equal(first.AssociatedImageNames, reopened.AssociatedImageNames);
        for (var z = 0; z < first.Metadata.Levels; z++)
        {
            var scaled = (double)first.Metadata.TileWidth * (1 << (first.Metadata.Levels - 1 - z));
            var (columns, rows) = (Math.Ceiling(first.Metadata.SizeX / scaled), Math.Ceiling(first.Metadata.SizeY / scaled));
            foreach (var (x, y) in new[] { (0, 0), ((int)columns - 1, (int)rows - 1) })
            {
                var expected = first.ReadTile(z, x, y, ReadOptions.Default);
                var actual = reopened.ReadTile(z, x, y, ReadOptions.Default);
                var samples = expected.Width * expected.Height * expected.BandCount;
                Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
                Assert.True(expected.Bytes.AsSpan(0, samples).SequenceEqual(actual.Bytes.AsSpan(0, samples)), $"tile {z}/{x}/{y}");
            }
        }

        Assert.False(reopened.HasSlideHandle);
        Assert.Equal(first.ReadPixel(10, 10, ReadOptions.Default), reopened.ReadPixel(10, 10, ReadOptions.Default));
        Assert.True(reopened.HasSlideHandle);
        Assert.Equal(first.GetInternalMetadata().ToJsonString(), reopened.GetInternalMetadata().ToJsonString());
    }

    [SkippableFact]
    public void A_replaced_slide_is_read_again()
    {
        RequireOpenSlide();
        var path = GenericTiff(1100, 700);
        using (var before = reader.Open(path, null))
        {
            Assert.Equal(1100, before.Metadata.SizeX);
        }

        File.Move(GenericTiff(900, 600), path, overwrite: true);
        using var after = (OpenSlideTileSource)reader.Open(path, null);
        Assert.Equal((900L, 600L), (after.Metadata.SizeX, after.Metadata.SizeY));
        Assert.True(after.HasSlideHandle);
    }

    /// <summary>
    /// The level a read uses is chosen as OpenSlide chooses it, without asking an open handle: on a pyramid of odd sizes,
    /// so the downsamples are not powers of two, at and around each of them.
    /// </summary>
    [SkippableFact]
    public void The_best_level_is_openslides()
    {
        RequireOpenSlide();
        var path = GenericTiff(3001, 2001);
        using var slide = Interop.OpenSlide.Open(path)!;
        var facts = OpenSlideFacts.Read(path, slide);
        Assert.True(facts.Downsamples.Count > 3);
        var downsamples = Enumerable.Range(0, 400).Select(i => 0.25 + (i * 0.125)).Concat(facts.Downsamples).Concat(facts.Downsamples.Select(d => d - 1e-9));
        foreach (var downsample in downsamples)
        {
            Assert.Equal(Interop.OpenSlide.GetBestLevelForDownsample(slide, downsample), facts.BestLevelFor(downsample));
        }
    }

    /// <summary>
    /// A read reduced by a factor of 2 or more that is not whole, from a slide without smaller levels, is box-reduced
    /// by the whole part in chunks (here two across and four down) and resampled by the rest: exactly what reducing the
    /// whole level at once, as OpenSlide reads it, gives. Reading that level whole was what a thumbnail of a large
    /// single-level slide used to do, and past 2³¹ bytes it failed.
    /// </summary>
    [SkippableTheory]
    [InlineData(null)]
    [InlineData("lanczos3")]
    public void Reads_by_a_factor_that_is_not_whole_reduce_the_level_in_chunks(string? resampling)
    {
        RequireOpenSlide();
        const int Width = 50000, Height = 400, OutWidth = 397, OutHeight = 3;
        var path = GenericTiff(Width, Height, pyramid: false);
        using var source = reader.Open(path, null);
        var read = source.ReadRegion(new PixelWindow(0, 0, Width, Height), OutWidth, OutHeight, new ReadOptions(Resampling: resampling));

        // 50000 / 397 = 125.9: reduced by 125 to 400 × 4, then resampled.
        using var slide = Interop.OpenSlide.Open(path)!;
        using var level = NetVips.Image.NewFromMemory(Interop.OpenSlide.ReadRegion(slide, 0, 0, 0, Width, Height), Width, Height, 4, NetVips.Enums.BandFormat.Uchar);
        using var srgb = level.Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        using var premultiplied = srgb.Premultiply();
        using var shrunk = premultiplied.Shrink(125, 125, ceil: true);
        using var reduced = shrunk.Unpremultiply().Cast(NetVips.Enums.BandFormat.Uchar);
        using var reference = VipsPixels.Resample(reduced, OutWidth, OutHeight, VipsPixels.KernelFor(resampling, NetVips.Enums.Kernel.Nearest));
        Assert.Equal((OutWidth, OutHeight, 4), (read.Width, read.Height, read.BandCount));
        Assert.Equal(1.0, PixelComparison.AgreeingFraction(read, reference, 4, 0));
    }

    [SkippableFact]
    public void Priorities_prefer_slides_and_leave_generic_tiff_low()
    {
        RequireOpenSlide();
        Assert.Equal(SourcePriority.Preferred, reader.GetPriority(TestData.Path(Svs), [], false));
        Assert.Null(reader.GetPriority(TestData.Path(Svs), [], true));
        Assert.Equal(SourcePriority.Low, reader.GetPriority(fixtures.PyramidTiff, [], false));
        Assert.Null(reader.GetPriority(fixtures.Png, [], false));
        Assert.Null(reader.GetPriority(fixtures.TextSvs, [], false));
    }

    [SkippableFact]
    public void Corrupt_files_are_refused_as_unsupported()
    {
        RequireOpenSlide();
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.TruncatedTiff, null));
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.TextSvs, null));
        Assert.Throws<UnsupportedFileException>(() => reader.Open(fixtures.EmptyTiff, null));
        Assert.Throws<InvalidParameterException>(() => reader.Open(fixtures.PyramidTiff, "EPSG:3857"));
    }

    /// <summary>A JPEG-compressed tiled pyramid, which OpenSlide reads as generic-tiff.</summary>
    private string GenericTiff(int width, int height, bool pyramid = true)
    {
        var path = Path.Combine(fixtures.Directory, $"generic-{Guid.NewGuid():N}.tif");
        using var image = VipsFixtures.Pattern(width, height, 3);
        image.Tiffsave(path, tile: true, pyramid: pyramid, compression: NetVips.Enums.ForeignTiffCompression.Jpeg);
        return path;
    }

    [Fact]
    public void Unavailable_library_is_reported_not_thrown()
    {
        _ = reader.IsAvailable;
        Assert.False(string.IsNullOrEmpty(reader.Version));
        Assert.Equal(NativeLibraryLoader.OpenSlide, reader.Name);
    }
}
