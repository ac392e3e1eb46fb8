using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;
using LargeImage.MinimalApi.Sources.Vips;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalReaderTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    private static readonly byte[] GeoTiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0xAF, 0x87, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] PlainTiff = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Theory]
    [InlineData("a.vrt", false, SourcePriority.Preferred)]
    [InlineData("a.NTF", false, SourcePriority.Preferred)]
    [InlineData("a.jp2", false, SourcePriority.Preferred)]
    [InlineData("a.png", false, SourcePriority.Lower)]
    [InlineData("a.unknown", false, SourcePriority.Fallback)]
    [InlineData("a.png", true, SourcePriority.Named)]
    [InlineData("https://example.com/a.vrt?sig=x", false, SourcePriority.Preferred)]
    public void Priority_follows_the_extension(string path, bool projected, int expected)
    {
        Assert.Equal(expected, new GdalReader().GetPriority(path, [], projected));
    }

    [Fact]
    public void Tiffs_are_preferred_only_with_geotiff_tags()
    {
        var reader = new GdalReader();

        Assert.Equal(SourcePriority.Preferred, reader.GetPriority("a.tif", GeoTiff, false));
        Assert.Equal(SourcePriority.Low, reader.GetPriority("a.tif", PlainTiff, false));
        Assert.Equal(SourcePriority.High, reader.GetPriority("a.tiff", [], false));
    }

    [Fact]
    public void A_local_tiff_is_ranked_by_its_first_ifd_wherever_it_lies()
    {
        using var temp = new TempDirectory();
        var path = temp.File("pyramid.tif");
        using (var image = NetVips.Image.Black(600, 400, bands: 3))
        {
            // libvips writes the first IFD after the pixels: beyond any header the resolver reads.
            image.Tiffsave(path, tile: true, pyramid: true, xres: 4, yres: 4);
        }

        var header = File.ReadAllBytes(path)[..64];

        Assert.Equal(SourcePriority.Low, new GdalReader().GetPriority(path, header, false));
        Assert.Equal(SourcePriority.High, new VipsReader().GetPriority(path, header, false));
    }

    [Theory]
    [InlineData("slide.svs")]
    [InlineData("slide.ndpi")]
    [InlineData("slide.mrxs")]
    public void Slide_formats_are_left_to_the_slide_readers(string path)
    {
        Assert.Null(new GdalReader().GetPriority(path, [], wantsProjection: true));
    }

    [SkippableFact]
    public void Reports_availability_and_version()
    {
        GdalAvailability.SkipIfUnavailable();
        var reader = new GdalReader();

        Assert.Equal("gdal", reader.Name);
        Assert.True(reader.IsAvailable);
        Assert.StartsWith("3.", reader.Version);
    }

    [SkippableFact]
    public void Unreadable_files_are_unsupported_with_gdals_reason()
    {
        GdalAvailability.SkipIfUnavailable();
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.tif"), "not an image");
        var reader = new GdalReader();

        var corrupt = Assert.Throws<UnsupportedFileException>(() => reader.Open(temp.File("notes.tif"), null));
        var missing = Assert.Throws<UnsupportedFileException>(() => reader.Open(temp.File("missing.tif"), null));

        Assert.Contains("notes.tif", corrupt.Message);
        Assert.Contains("GDAL", corrupt.Message);
        Assert.Contains("missing.tif", missing.Message);
        Assert.DoesNotContain(temp.Path, corrupt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Path, missing.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Files_that_point_gdal_at_other_files_are_refused()
    {
        GdalAvailability.SkipIfUnavailable();
        using var temp = new TempDirectory();
        var vrt = temp.File("escape.vrt");
        CliTool.Run("gdal_translate", "-q", "-of", "VRT", fixtures.Rgb, vrt);
        Assert.Contains(fixtures.Rgb, File.ReadAllText(vrt), StringComparison.Ordinal);
        var reader = new GdalReader();

        var refused = Assert.Throws<UnsupportedFileException>(() => reader.Open(vrt, null));

        Assert.Contains("escape.vrt", refused.Message);
        Assert.DoesNotContain("VRT", Interop.Gdal.AllowedUserFileDrivers);
        Assert.Contains("GTiff", Interop.Gdal.AllowedUserFileDrivers);
    }

    [SkippableFact]
    public void Opens_sources_in_native_and_projected_grids()
    {
        GdalAvailability.SkipIfUnavailable();
        var reader = new GdalReader(handlesPerFile: 2);

        using var native = reader.Open(fixtures.Rgb, null);
        using var projected = reader.Open(fixtures.Rgb, "EPSG:3857");

        Assert.Equal("gdal", native.Reader);
        Assert.Equal(1, native.FrameCount);
        Assert.Empty(native.AssociatedImageNames);
        Assert.Throws<ImageNotFoundException>(() => native.ReadAssociatedImage("label"));
        Assert.Null(native.Metadata.Projection);
        Assert.Equal("EPSG:3857", projected.Metadata.Projection);
    }
}
