using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Sources.Gdal;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources;

public sealed class TiffPeekTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    [SkippableFact]
    public void A_geotiff_has_geo_tags_in_its_first_ifd()
    {
        Assert.True(TiffPeek.TryRead(Header(fixtures.Elevation))?.IsGeoreferenced);
        Assert.True(TiffPeek.TryRead(fixtures.Elevation)?.IsGeoreferenced);
    }

    [SkippableFact]
    public void A_plain_tiff_has_none()
    {
        using var temp = new TempDirectory();
        CliTool.Run("gdal_translate", "-q", "-of", "GTiff", fixtures.Plain, temp.File("plain.tif"));

        Assert.False(TiffPeek.TryRead(Header(temp.File("plain.tif")))?.IsGeoreferenced);
    }

    [Fact]
    public void Unknown_when_not_a_tiff_or_the_ifd_is_beyond_the_header()
    {
        Assert.Null(TiffPeek.TryRead("\x89PNG\r\n\x1a\n0000000000"u8));
        Assert.Null(TiffPeek.TryRead([(byte)'I', (byte)'I', 42, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Null(TiffPeek.TryRead("II*\0"u8));
    }

    [Fact]
    public void Big_endian_and_bigtiff_headers_are_read()
    {
        byte[] bigEndian = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x87, 0xAF, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0];
        byte[] bigTiff = [(byte)'I', (byte)'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.True(TiffPeek.TryRead(bigEndian)?.IsGeoreferenced);
        Assert.False(TiffPeek.TryRead(bigTiff)?.IsGeoreferenced);
    }

    [SkippableFact]
    public void The_first_ifd_is_followed_to_the_end_of_a_file_libvips_wrote()
    {
        using var temp = new TempDirectory();
        using (var image = Image.Black(600, 400, bands: 3))
        {
            image.Tiffsave(temp.File("plain.tif"), tile: true, pyramid: true);
        }

        Assert.Null(TiffPeek.TryRead(Header(temp.File("plain.tif"))));
        var peek = TiffPeek.TryRead(temp.File("plain.tif"));
        Assert.NotNull(peek);
        Assert.False(peek.IsGeoreferenced);
        Assert.Contains(TiffTag.TileWidth, peek.Tags);
    }

    private static byte[] Header(string path)
    {
        var buffer = new byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.Read(buffer);
        return buffer[..read];
    }
}
