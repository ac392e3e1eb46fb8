using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Vips;
using LargeImage.MinimalApi.Tests.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources;

/// <summary>
/// JPEG tiles decoded straight from the TIFF give exactly the pixels libvips decodes for the same pages, at every
/// level and edge; what does not qualify or does not decode is left to libvips.
/// </summary>
public sealed class TiffJpegTilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("li-jpegtiles-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// Every 256² crop of every level, aligned with the stored tiles or across them (240² tiles, as Aperio writes),
    /// YCbCr or RGB JPEG (libtiff writes the latter without a marker saying so), decodes to libvips' pixels exactly.
    /// </summary>
    [Theory]
    [InlineData(false, 256, false)]
    [InlineData(true, 256, false)]
    [InlineData(false, 512, false)]
    [InlineData(false, 256, true)]
    [InlineData(true, 240, false)]
    [InlineData(false, 240, true)]
    public void Every_tile_of_every_level_matches_libvips(bool rgbJpeg, int tileEdge, bool subIfds)
    {
        var path = Save("pyramid.tif", 2000, 1500, tileEdge, rgbJpeg, subIfds);
        using var file = File.OpenHandle(path);
        int pages, reduced;
        using (var first = Image.NewFromFile(path))
        {
            pages = (int)first.Get("n-pages");
            reduced = first.Contains("n-subifds") ? (int)first.Get("n-subifds") : 0;
        }

        // Levels are pages one after another, or the first page and the reduced sub-IFDs stored under it.
        var levels = subIfds
            ? Enumerable.Range(-1, reduced + 1).Select(k => (Page: 0, SubIfd: k))
            : Enumerable.Range(0, pages).Select(p => (Page: p, SubIfd: -1));
        Assert.True(levels.Count() >= 3, $"{pages} pages, {reduced} sub-IFDs");
        foreach (var (page, subIfd) in levels)
        {
            var tiles = TiffJpegTiles.TryOpen(path, file, page, subIfd);
            Assert.True(tiles is not null, $"page {page}, sub-IFD {subIfd} was declined");
            using var reference = Image.Tiffload(path, page: page, subifd: subIfd >= 0 ? subIfd : null);
            for (var y = 0; y < reference.Height; y += 256)
            {
                for (var x = 0; x < reference.Width; x += 256)
                {
                    var (width, height) = (Math.Min(256, reference.Width - x), Math.Min(256, reference.Height - y));
                    var target = new byte[width * height * 3];
                    Assert.True(tiles.TryCopy(new RegionPlan(x, y, width, height, 0, 0, width, height), target, width * 3), $"page {page}, sub-IFD {subIfd}, tile at {x},{y}");
                    using var crop = reference.Crop(x, y, width, height);
                    Assert.True(crop.WriteToMemory<byte>().AsSpan().SequenceEqual(target), $"page {page}, sub-IFD {subIfd}, tile at {x},{y}");
                }
            }
        }
    }

    [Fact]
    public void Tiles_through_the_reader_match_libvips_including_masked_edges()
    {
        var path = Save("edges.tif", 1100, 700, 256, rgbJpeg: false);
        using var source = new VipsReader().Open(path, null);
        using var reference = Image.Tiffload(path, page: 0);
        var z = source.Metadata.Levels - 1;
        for (var ty = 0; ty * 256 < 700; ty++)
        {
            for (var tx = 0; tx * 256 < 1100; tx++)
            {
                var tile = source.ReadTile(z, tx, ty, ReadOptions.Default);
                var (width, height) = (Math.Min(256, 1100 - (tx * 256)), Math.Min(256, 700 - (ty * 256)));
                using var crop = reference.Crop(tx * 256, ty * 256, width, height);
                Assert.Equal(width * height, PixelComparison.ValidCount(tile));
                Assert.Equal(1.0, PixelComparison.AgreeingFraction(tile, crop, 3, 0));
                tile.Release();
            }
        }
    }

    [Fact]
    public void A_whole_stored_tile_is_handed_out_as_its_own_jpeg_and_anything_else_is_not()
    {
        var path = Save("stored.tif", 1100, 700, 256, rgbJpeg: false);
        long[] offsets, byteCounts;
        using (var stream = File.OpenRead(path))
        {
            var directory = TiffDirectory.ReadFirst(stream)!;
            (offsets, byteCounts) = (directory.Numbers(TiffTag.TileOffsets, 15)!, directory.Numbers(TiffTag.TileByteCounts, 15)!);
        }

        using var file = File.OpenHandle(path);
        var tiles = TiffJpegTiles.TryOpen(path, file, 0, -1)!;
        using var reference = Image.Tiffload(path, page: 0);
        var stored = tiles.TryReadStored(new RegionPlan(512, 256, 256, 256, 0, 0, 256, 256), 256, 256);

        // The stream ends with the file's bytes of tile (2, 1), start marker dropped, and decodes to libvips' pixels.
        Assert.NotNull(stored);
        var tile = new byte[byteCounts[7]];
        RandomAccess.Read(file, tile, offsets[7]);
        Assert.True(stored.AsSpan().EndsWith(tile.AsSpan(2)));
        using var decoded = Image.NewFromBuffer(stored);
        using var crop = reference.Crop(512, 256, 256, 256);
        Assert.Equal((256, 256, 3), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.True(crop.WriteToMemory<byte>().AsSpan().SequenceEqual(decoded.WriteToMemory<byte>()));

        Assert.Null(tiles.TryReadStored(new RegionPlan(1024, 0, 76, 256, 0, 0, 76, 256), 256, 256));
        Assert.Null(tiles.TryReadStored(new RegionPlan(128, 0, 256, 256, 0, 0, 256, 256), 256, 256));
        Assert.Null(tiles.TryReadStored(new RegionPlan(0, 0, 128, 128, 0, 0, 128, 128), 256, 256));
    }

    /// <summary>
    /// An RGB JPEG level's stored tile carries the Adobe marker, so a decoder that only sees the stream (libjpeg here,
    /// as in a browser) reads RGB, not YCbCr.
    /// </summary>
    [Fact]
    public void A_stored_tile_of_an_rgb_jpeg_level_decodes_as_rgb_on_its_own()
    {
        var path = Save("rgb.tif", 1100, 700, 256, rgbJpeg: true);
        using var file = File.OpenHandle(path);
        var stored = TiffJpegTiles.TryOpen(path, file, 0, -1)!.TryReadStored(new RegionPlan(256, 256, 256, 256, 0, 0, 256, 256), 256, 256);
        Assert.NotNull(stored);
        using var decoded = Image.NewFromBuffer(stored);
        using var reference = Image.Tiffload(path, page: 0);
        using var crop = reference.Crop(256, 256, 256, 256);
        Assert.True(crop.WriteToMemory<byte>().AsSpan().SequenceEqual(decoded.WriteToMemory<byte>()));
    }

    [Fact]
    public void Levels_that_are_not_jpeg_rgb_are_left_to_libvips()
    {
        var deflate = Path.Combine(folder, "deflate.tif");
        using (var image = VipsFixtures.Pattern(600, 400, 3))
        {
            image.Tiffsave(deflate, tile: true, pyramid: true, compression: Enums.ForeignTiffCompression.Deflate);
        }

        var grey = Path.Combine(folder, "grey.tif");
        using (var image = VipsFixtures.Pattern(600, 400, 1))
        {
            image.Tiffsave(grey, tile: true, pyramid: true, compression: Enums.ForeignTiffCompression.Jpeg);
        }

        using var deflateFile = File.OpenHandle(deflate);
        using var greyFile = File.OpenHandle(grey);
        Assert.Null(TiffJpegTiles.TryOpen(deflate, deflateFile, 0, -1));
        Assert.Null(TiffJpegTiles.TryOpen(grey, greyFile, 0, -1));
        Assert.Null(TiffJpegTiles.TryOpen(grey, greyFile, 99, -1));
    }

    [Fact]
    public void A_crop_touching_a_corrupt_tile_is_declined_not_guessed()
    {
        var path = Save("corrupt.tif", 600, 400, 256, rgbJpeg: false);
        long offset;
        using (var stream = File.OpenRead(path))
        {
            offset = TiffDirectory.ReadFirst(stream)!.Numbers(TiffTag.TileOffsets, 100)![0];
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = offset + 2;
            stream.Write(Enumerable.Repeat((byte)0xFF, 64).ToArray());
        }

        using var file = File.OpenHandle(path);
        var tiles = TiffJpegTiles.TryOpen(path, file, 0, -1)!;
        var target = new byte[256 * 256 * 3];

        Assert.False(tiles.TryCopy(new RegionPlan(0, 0, 256, 256, 0, 0, 256, 256), target, 256 * 3));
        Assert.False(tiles.TryCopy(new RegionPlan(200, 0, 100, 100, 0, 0, 100, 100), target, 100 * 3));
        Assert.True(tiles.TryCopy(new RegionPlan(256, 0, 256, 256, 0, 0, 256, 256), target, 256 * 3));
        Assert.True(tiles.TryCopy(new RegionPlan(300, 100, 200, 200, 0, 0, 200, 200), target, 200 * 3));
    }

    private string Save(string name, int width, int height, int tileEdge, bool rgbJpeg, bool subIfds = false)
    {
        var path = Path.Combine(folder, name);
        using var image = VipsFixtures.Pattern(width, height, 3);
        image.WriteToFile(
            $"{path}[tile,pyramid,tile-width={tileEdge},tile-height={tileEdge},compression=jpeg,Q=85,rgbjpeg={Flag(rgbJpeg)},subifd={Flag(subIfds)}]");
        return path;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
