using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GeoTiffHeaderTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    [SkippableFact]
    public void A_geotiff_has_geo_tags_in_its_first_ifd()
    {
        Assert.True(GeoTiffHeader.HasGeoTags(Header(fixtures.Elevation)));
    }

    [SkippableFact]
    public void A_plain_tiff_has_none()
    {
        using var temp = new TempDirectory();
        CliTool.Run("gdal_translate", "-q", "-of", "GTiff", fixtures.Plain, temp.File("plain.tif"));

        Assert.False(GeoTiffHeader.HasGeoTags(Header(temp.File("plain.tif"))));
    }

    [Fact]
    public void Unknown_when_not_a_tiff_or_the_ifd_is_beyond_the_header()
    {
        Assert.Null(GeoTiffHeader.HasGeoTags("\x89PNG\r\n\x1a\n0000000000"u8));
        Assert.Null(GeoTiffHeader.HasGeoTags([(byte)'I', (byte)'I', 42, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Null(GeoTiffHeader.HasGeoTags("II*\0"u8));
    }

    [Fact]
    public void Big_endian_and_bigtiff_headers_are_read()
    {
        byte[] bigEndian = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x87, 0xAF, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0];
        byte[] bigTiff = [(byte)'I', (byte)'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.True(GeoTiffHeader.HasGeoTags(bigEndian));
        Assert.False(GeoTiffHeader.HasGeoTags(bigTiff));
    }

    private static byte[] Header(string path)
    {
        var buffer = new byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.Read(buffer);
        return buffer[..read];
    }
}
