using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class ProjectedGridTests
{
    private const double HalfWorld = 20037508.342789244;

    [SkippableTheory]
    [InlineData("EPSG:3857")]
    [InlineData("epsg:3857")]
    [InlineData("+init=epsg:3857")]
    [InlineData("proj4:EPSG:3857")]
    public void Web_mercator_spellings_give_the_xyz_grid(string projection)
    {
        GdalAvailability.SkipIfUnavailable();

        var grid = ProjectedGrid.Parse(projection, 256);

        Assert.Equal("EPSG:3857", grid.Name);
        Assert.Equal(2 * HalfWorld, grid.UnitsAcrossLevel0, 6);
        Assert.Equal(Round((-HalfWorld, -HalfWorld, HalfWorld, HalfWorld)), Round(grid.TileBounds(0, 0, 0)));
        Assert.Equal(Round((0, 0, HalfWorld, HalfWorld)), Round(grid.TileBounds(1, 1, 0)));
    }

    [SkippableFact]
    public void A_proj_string_is_accepted()
    {
        GdalAvailability.SkipIfUnavailable();

        var grid = ProjectedGrid.Parse("+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs", 256);

        Assert.Equal(2 * HalfWorld, grid.UnitsAcrossLevel0, 6);
    }

    [SkippableTheory]
    [InlineData("EPSG:999999")]
    [InlineData("EPSG:4326")]
    [InlineData("garbage")]
    [InlineData("http://example.com/srs")]
    [InlineData("EPSG:")]
    public void Unknown_or_geographic_projections_are_invalid_parameters(string projection)
    {
        GdalAvailability.SkipIfUnavailable();

        var error = Assert.Throws<InvalidParameterException>(() => ProjectedGrid.Parse(projection, 256));

        Assert.Equal("projection", error.Parameter);
    }

    [SkippableTheory]
    [InlineData(30.0, 14)]
    [InlineData(0.5, 20)]
    [InlineData(1e9, 1)]
    public void Levels_follow_large_images_formula(double pixelSize, int levels)
    {
        GdalAvailability.SkipIfUnavailable();

        Assert.Equal(levels, ProjectedGrid.Parse("EPSG:3857", 256).LevelsFor(pixelSize));
    }

    [SkippableFact]
    public void World_pixels_map_to_metres()
    {
        GdalAvailability.SkipIfUnavailable();
        var grid = ProjectedGrid.Parse("EPSG:3857", 256);

        var (x, y) = grid.PixelToProjected(0, 0, 3);
        Assert.Equal(-HalfWorld, x, 6);
        Assert.Equal(HalfWorld, y, 6);
        Assert.Equal((0, 0), grid.PixelToProjected(512, 512, 3));
    }

    private static (double, double, double, double) Round((double A, double B, double C, double D) v) =>
        (Math.Round(v.A, 5), Math.Round(v.B, 5), Math.Round(v.C, 5), Math.Round(v.D, 5));
}
