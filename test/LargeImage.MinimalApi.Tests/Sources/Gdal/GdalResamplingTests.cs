using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalResamplingTests
{
    [Theory]
    [InlineData(null, "near", (int)GdalRasterIOResampleAlg.NearestNeighbour)]
    [InlineData("near", "near", (int)GdalRasterIOResampleAlg.NearestNeighbour)]
    [InlineData("Nearest", "near", (int)GdalRasterIOResampleAlg.NearestNeighbour)]
    [InlineData("bilinear", "bilinear", (int)GdalRasterIOResampleAlg.Bilinear)]
    [InlineData("CUBIC", "cubic", (int)GdalRasterIOResampleAlg.Cubic)]
    [InlineData("average", "average", (int)GdalRasterIOResampleAlg.Average)]
    public void Names_map_to_rasterio_and_gdalwarp(string? name, string warp, int rasterIO)
    {
        var resampling = GdalResampling.Parse(name);

        Assert.Equal((warp, rasterIO), (resampling.WarpName, (int)resampling.RasterIO));
    }

    [Fact]
    public void Unknown_names_are_invalid_and_list_the_choices()
    {
        var error = Assert.Throws<InvalidParameterException>(() => GdalResampling.Parse("sharpest"));

        Assert.Equal("resampling", error.Parameter);
        Assert.Contains("bilinear", error.Message);
    }
}
