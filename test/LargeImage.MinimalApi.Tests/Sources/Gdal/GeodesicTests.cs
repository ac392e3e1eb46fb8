using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GeodesicTests
{
    [Theory]
    [InlineData(0, 0, 1, 0, 111319.49079327357)]
    [InlineData(0, 0, 0, 1, 110574.38855779878)]
    [InlineData(144.42486788888888, -37.95103341666667, 143.92649552777777, -37.65282113888889, 54972.271)]
    [InlineData(10, 50, 10, 50, 0)]
    public void Distances_match_the_wgs84_ellipsoid(double lon1, double lat1, double lon2, double lat2, double metres)
    {
        Assert.Equal(metres, Geodesic.Distance(lon1, lat1, lon2, lat2), 3);
    }

    [Fact]
    public void Nearly_antipodal_points_fall_back_to_a_great_circle()
    {
        var distance = Geodesic.Distance(0, 0, 179.7, 0.5);

        Assert.InRange(distance, 19_900_000, 20_050_000);
    }
}
