using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Tests.Errors;

public sealed class FolderRedactionTests
{
    [Theory]
    [InlineData(
        "GDAL: /srv/data/media/a1.tif, band 1: IReadBlock failed at X offset 0, Y offset 0: TIFFReadEncodedTile() failed.",
        "GDAL: a1.tif, band 1: IReadBlock failed at X offset 0, Y offset 0: TIFFReadEncodedTile() failed.")]
    [InlineData("/srv/data/media/a1.tif: Read error at row 12", "a1.tif: Read error at row 12")]
    [InlineData("TIFFReadDirectory:/srv/data/a1.tif: bad IFD", "TIFFReadDirectory:a1.tif: bad IFD")]
    [InlineData("opening NETCDF:\"/srv/data/a1.nc\":temp failed", "opening NETCDF:\"a1.nc\":temp failed")]
    [InlineData("Reading /vsis3/bucket/folder/a1.tif failed", "Reading a1.tif failed")]
    public void Folders_that_begin_a_path_are_dropped(string detail, string expected)
    {
        Assert.Equal(expected, FolderRedaction.Apply(detail));
    }

    [Theory]
    [InlineData("GET https://host.example/folder/a1.tif answered 403")]
    [InlineData("s3://bucket/folder/a1.tif is not on the allow list")]
    [InlineData("'../../etc/passwd' is outside the media folder")]
    [InlineData("'max_width' must be between 1 and 4096, not 0.")]
    [InlineData("ratio 1/2/3")]
    public void Urls_relative_references_and_other_text_are_kept(string detail)
    {
        Assert.Equal(detail, FolderRedaction.Apply(detail));
    }
}
