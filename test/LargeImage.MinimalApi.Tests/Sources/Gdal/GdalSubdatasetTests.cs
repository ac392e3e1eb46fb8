using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalSubdatasetTests
{
    [Theory]
    [InlineData("NETCDF:\"/media/a.nc\":temp", true)]
    [InlineData("HDF5:\"/media/a.nc\"://group/temp", true)]
    [InlineData("GPKG:/media/a.nc:table", true)]
    [InlineData("NETCDF:\"/media/a.nc.other\":temp", false)]
    [InlineData("NETCDF:\"/etc/b.nc\":temp", false)]
    [InlineData("/vsicurl/http://internal/media/a.nc", false)]
    public void Only_subdatasets_naming_the_file_itself_are_taken(string name, bool taken)
    {
        Assert.Equal(taken, GdalSubdataset.NamesFile(name, "/media/a.nc"));
    }
}
