using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.OpenSlide;
using LargeImage.MinimalApi.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources;

/// <summary>
/// Reader × real-file matrix: every level's tiles agree with an independent read of the same window
/// (libvips reading the TIFF page and reducing it, or OpenSlide's read_region).
/// </summary>
public class ReaderConformanceTests
{
    private const string Svs = "libvips/CMU-1-Small-Region.svs";
    private const string Pyramid = "large_image/yb10kx5k.zstd.tiff";
    private const string Ome = "libvips/multi-channel-z-series.ome.tif";

    public static TheoryData<string, string, int> Matrix => new()
    {
        // reader, file, per-channel tolerance where a level is reduced (stored levels must match exactly)
        { "openslide", Pyramid, 8 },
        { "vips", Svs, 8 },
        { "openslide", Svs, 8 },
    };

    /// <summary>
    /// The reference is OpenSlide's read_region of the finest level that keeps the window within 4096² pixels,
    /// box-reduced by libvips to the tile's scale; the SVS is also checked against libvips' own JPEG decoding.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Matrix))]
    public void Tiles_at_every_level_match_an_independent_read(string readerName, string file, int tolerance)
    {
        var path = TestData.Path(file);
        using var source = Open(readerName, path);
        Skip.IfNot(new OpenSlideReader().IsAvailable, "OpenSlide, the reference reader, is not installed.");
        using var slide = Interop.OpenSlide.Open(path)!;
        var metadata = source.Metadata;
        var edge = metadata.TileWidth;
        for (var z = 0; z < metadata.Levels; z++)
        {
            var scale = 1 << (metadata.Levels - 1 - z);
            var columns = (int)Math.Ceiling(metadata.SizeX / ((double)edge * scale));
            var rows = (int)Math.Ceiling(metadata.SizeY / ((double)edge * scale));
            foreach (var (x, y) in new[] { (0, 0), (columns - 1, rows - 1), (columns / 2, rows / 2) }.Distinct())
            {
                var tile = source.ReadTile(z, x, y, ReadOptions.Default);
                var left = (long)x * edge * scale;
                var top = (long)y * edge * scale;
                var width = Math.Min((long)edge * scale, metadata.SizeX - left);
                var height = Math.Min((long)edge * scale, metadata.SizeY - top);
                using var reference = OpenSlideReference(slide, left, top, width, height, scale);
                var agreeing = PixelComparison.AgreeingFraction(tile, reference, 3, scale == 1 ? 0 : tolerance);
                Assert.True(agreeing >= 0.99, $"{readerName} {file} z={z} ({x},{y}): only {agreeing:P2} of pixels agree");
            }
        }
    }

    [SkippableFact]
    public void Svs_full_resolution_tiles_match_libvips_decoding()
    {
        var path = TestData.Path(Svs);
        using var source = Open("openslide", path);
        using var page = Image.Tiffload(path, page: 0);
        var (z, edge) = (source.Metadata.Levels - 1, source.Metadata.TileWidth);
        foreach (var (x, y) in new[] { (0, 0), (3, 5), (9, 12) })
        {
            var tile = source.ReadTile(z, x, y, ReadOptions.Default);
            using var window = page.Crop(x * edge, y * edge, Math.Min(edge, 2220 - (x * edge)), Math.Min(edge, 2967 - (y * edge)));
            Assert.True(PixelComparison.AgreeingFraction(tile, window, 3, 0) >= 0.99);
        }
    }

    [SkippableFact]
    public void Vips_refuses_a_tiff_its_bundled_libtiff_cannot_decode()
    {
        var path = TestData.Path(Pyramid);
        var reader = new VipsReader();
        Skip.IfNot(reader.IsAvailable, reader.Version);
        using var page = Image.Tiffload(path, page: 4);
        Skip.If(page.Avg() > 0, "This libvips build decodes ZSTD; the vips reader then reads the file normally.");
        var error = Assert.Throws<UnsupportedFileException>(() => reader.Open(path, null));
        Assert.Contains("libvips", error.Message);
    }

    /// <summary>A replaced file is probed again: the remembered layout, which skips the probe, is per file version.</summary>
    [SkippableFact]
    public void Vips_probes_a_replaced_file_again()
    {
        var undecodable = TestData.Path(Pyramid);
        var reader = new VipsReader();
        Skip.IfNot(reader.IsAvailable, reader.Version);
        using (var page = Image.Tiffload(undecodable, page: 4))
        {
            Skip.If(page.Avg() > 0, "This libvips build decodes ZSTD; the vips reader then reads the file normally.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}.tiff");
        try
        {
            using (var image = Image.Black(600, 400, bands: 3))
            {
                image.Tiffsave(path, tile: true, pyramid: true, compression: Enums.ForeignTiffCompression.Jpeg);
            }

            reader.Open(path, null, FileVersion.Of(path)).Dispose();
            File.Copy(undecodable, path, overwrite: true);
            Assert.Throws<UnsupportedFileException>(() => reader.Open(path, null, FileVersion.Of(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void Svs_metadata_agrees_between_readers()
    {
        var path = TestData.Path(Svs);
        using var vips = Open("vips", path);
        using var openslide = Open("openslide", path);
        Assert.Equal((2220L, 2967L), (vips.Metadata.SizeX, vips.Metadata.SizeY));
        Assert.Equal(openslide.Metadata.Levels, vips.Metadata.Levels);
        Assert.Equal((240, 240), (vips.Metadata.TileWidth, openslide.Metadata.TileWidth));
        Assert.Equal(0.000499, vips.Metadata.MmX!.Value, 9);
        Assert.Equal(20, vips.Metadata.Magnification);
        Assert.Contains("label", vips.AssociatedImageNames);
        Assert.Contains("macro", vips.AssociatedImageNames);
        Assert.Contains("thumbnail", vips.AssociatedImageNames);
        var label = vips.ReadAssociatedImage("label");
        Assert.Equal(openslide.ReadAssociatedImage("label").Width, label.Width);
    }

    [SkippableFact]
    public void Pyramid_metadata_agrees_between_readers()
    {
        var path = TestData.Path(Pyramid);
        using var openslide = Open("openslide", path);
        Assert.Equal((10000L, 5000L, 7), (openslide.Metadata.SizeX, openslide.Metadata.SizeY, openslide.Metadata.Levels));
        Assert.Null(openslide.Metadata.MmX);
        Assert.Null(openslide.Metadata.Magnification);
        Assert.Equal("generic-tiff", (string?)openslide.GetInternalMetadata()["vendor"]);
    }

    [SkippableFact]
    public void Ome_tiff_reports_channel_and_z_frames_that_match_their_pages()
    {
        var path = TestData.Path(Ome);
        using var source = Open("vips", path);
        var metadata = source.Metadata;
        Assert.Equal(15, source.FrameCount);
        Assert.Equal(15, metadata.Frames!.Count);
        Assert.Equal(new Dictionary<string, int> { ["IndexC"] = 3, ["IndexZ"] = 5 }, metadata.IndexRange);
        Assert.Equal(new Dictionary<string, int> { ["IndexC"] = 5, ["IndexZ"] = 1 }, metadata.IndexStride);
        Assert.Equal(("int8", 1, 439L, 167L), (metadata.DType, metadata.BandCount, metadata.SizeX, metadata.SizeY));
        Assert.Equal((1, 2, 0), (metadata.Frames[7].IndexC, metadata.Frames[7].IndexZ, metadata.Frames[7].IndexT));
        Assert.Equal((2, 4), (metadata.Frames[14].IndexC, metadata.Frames[14].IndexZ));
        Assert.Null(metadata.Channels);

        var tiles = new List<double[]>();
        for (var frame = 0; frame < source.FrameCount; frame++)
        {
            var tile = source.ReadTile(metadata.Levels - 1, 0, 0, new ReadOptions(frame));
            using var page = Image.Tiffload(path, page: frame);
            using var window = page.Crop(0, 0, Math.Min(256, page.Width), Math.Min(256, page.Height));
            Assert.Equal(1.0, PixelComparison.AgreeingFraction(tile, window, 1, 0));
            Assert.DoesNotContain(tiles, t => t.SequenceEqual(tile.Values!));
            tiles.Add(tile.Values!);
        }

        Assert.Single(source.GetBands(3));
    }

    [SkippableTheory]
    [InlineData("libvips/rgba.png", 128, 128, 4, "uint8")]
    [InlineData("libvips/sample.jpg", 290, 442, 3, "uint8")]
    [InlineData("libvips/sample.png", 290, 442, 3, "uint16")]
    public void Plain_images_are_tiled(string file, int width, int height, int bands, string dtype)
    {
        var path = TestData.Path(file);
        using var source = Open("vips", path);
        Assert.Equal((width, height, bands, dtype), ((int)source.Metadata.SizeX, (int)source.Metadata.SizeY, source.Metadata.BandCount, source.Metadata.DType));
        using var image = Image.NewFromFile(path);
        var tile = source.ReadTile(source.Metadata.Levels - 1, 0, 0, ReadOptions.Default);
        using var window = image.Crop(0, 0, Math.Min(256, width), Math.Min(256, height));
        Assert.Equal(1.0, PixelComparison.AgreeingFraction(tile, window, bands, 0));
    }

    private static Image OpenSlideReference(OpenSlideHandle slide, long left, long top, long width, long height, int scale)
    {
        var level = 0;
        var count = Interop.OpenSlide.GetLevelCount(slide);
        while (level + 1 < count
            && Interop.OpenSlide.GetLevelDownsample(slide, level + 1) <= scale + 0.1
            && Math.Max(width, height) / Interop.OpenSlide.GetLevelDownsample(slide, level) > 4096)
        {
            level++;
        }

        var downsample = Math.Round(Interop.OpenSlide.GetLevelDownsample(slide, level));
        var levelWidth = (int)Math.Ceiling(width / downsample);
        var levelHeight = (int)Math.Ceiling(height / downsample);
        var rgba = Interop.OpenSlide.ReadRegion(slide, left, top, level, levelWidth, levelHeight);
        using var image = Image.NewFromMemory(rgba, levelWidth, levelHeight, 4, Enums.BandFormat.Uchar);
        var factor = (int)(scale / downsample);
        return factor <= 1 ? image.Copy() : image.Shrink(factor, factor, ceil: true);
    }

    private static ITileSource Open(string reader, string path)
    {
        ITileSourceReader instance = reader == "vips" ? new VipsReader() : new OpenSlideReader();
        Skip.IfNot(instance.IsAvailable, $"{reader} is unavailable: {instance.Version}");
        return instance.Open(path, null);
    }
}
