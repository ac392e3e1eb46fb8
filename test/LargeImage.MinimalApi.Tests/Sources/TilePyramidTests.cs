using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources;

public class TilePyramidTests
{
    [Theory]
    [InlineData(2220, 2967, 5)]
    [InlineData(10000, 5000, 7)]
    [InlineData(256, 256, 1)]
    [InlineData(100, 50, 1)]
    [InlineData(257, 10, 2)]
    public void Levels_follow_large_image(long width, long height, int levels) =>
        Assert.Equal(levels, new TilePyramid(width, height, 256, 256).Levels);

    [Fact]
    public void Tile_windows_and_corners_are_in_full_resolution_pixels()
    {
        var pyramid = new TilePyramid(2220, 2967, 256, 256);
        Assert.Equal(new PixelWindow(2048, 0, 2048, 2048), pyramid.TileWindow(1, 1, 0));
        var corners = pyramid.Corners(4, 8, 11);
        Assert.Equal((2048, 2220, 2816, 2967), (corners.XMin, corners.XMax, corners.YMin, corners.YMax));
        Assert.Equal("pixels", corners.Units);
    }

    [Theory]
    [InlineData(5, 0, 0)]
    [InlineData(-1, 0, 0)]
    [InlineData(4, 9, 0)]
    [InlineData(4, 0, 12)]
    [InlineData(0, 1, 0)]
    [InlineData(2, -1, 0)]
    public void Tiles_outside_the_pyramid_are_rejected(int z, int x, int y) =>
        Assert.Throws<TileOutOfRangeException>(() => new TilePyramid(2220, 2967, 256, 256).CheckTile(z, x, y));

    [Theory]
    [InlineData(1, 4)]
    [InlineData(1.9, 4)]
    [InlineData(2, 3)]
    [InlineData(3.99, 3)]
    [InlineData(16, 0)]
    [InlineData(1000, 0)]
    public void Level_for_downsample_never_picks_a_coarser_level(double downsample, int level) =>
        Assert.Equal(level, new TilePyramid(2220, 2967, 256, 256).LevelForDownsample(downsample));
}
