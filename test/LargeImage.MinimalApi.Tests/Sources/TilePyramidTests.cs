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

    /// <summary>A file's own tiles are served when square, 64–512 px and not joined whole into 256² ones.</summary>
    [Theory]
    [InlineData(240.0, 240.0, 240)]
    [InlineData(512.0, 512.0, 512)]
    [InlineData(384.0, 384.0, 384)]
    [InlineData(256.0, 256.0, 256)]
    [InlineData(128.0, 128.0, 256)]
    [InlineData(64.0, 64.0, 256)]
    [InlineData(1024.0, 1024.0, 256)]
    [InlineData(48.0, 48.0, 256)]
    [InlineData(240.0, 256.0, 256)]
    [InlineData(240.5, 240.5, 256)]
    [InlineData(null, null, 256)]
    public void Edge_is_the_stored_tiles_where_the_default_grid_would_split_them(double? width, double? height, int edge) =>
        Assert.Equal(edge, TilePyramid.EdgeFor(width, height, 256));

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
