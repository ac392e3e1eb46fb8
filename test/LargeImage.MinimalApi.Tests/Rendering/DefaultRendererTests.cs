using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Rendering;

public sealed class DefaultRendererTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    [InlineData(256, 256)]
    public void Rgb_bytes_become_the_same_colours_opaque(int width, int height)
    {
        var rgb = Samples(width * height * 3);

        var rendered = DefaultRenderer.Render(Raster.FromBytes(width, height, 3, rgb), Bands("red", "green", "blue"));

        for (var p = 0; p < width * height; p++)
        {
            Assert.Equal([rgb[p * 3], rgb[(p * 3) + 1], rgb[(p * 3) + 2], 255], rendered.Pixels.AsSpan(p * 4, 4).ToArray());
        }
    }

    [Fact]
    public void Rgb_bytes_in_other_band_order_and_masked_pixels_are_kept()
    {
        const int Width = 9;
        const int Height = 4;
        var rgb = Samples(Width * Height * 3);
        var mask = Enumerable.Range(0, Width * Height).Select(p => p % 5 == 0 ? (byte)0 : (byte)255).ToArray();

        var rendered = DefaultRenderer.Render(Raster.FromBytes(Width, Height, 3, rgb, mask), Bands("blue", "green", "red"));

        for (var p = 0; p < Width * Height; p++)
        {
            Assert.Equal([rgb[(p * 3) + 2], rgb[(p * 3) + 1], rgb[p * 3], mask[p]], rendered.Pixels.AsSpan(p * 4, 4).ToArray());
        }
    }

    [Theory]
    [InlineData("alpha", false)]
    [InlineData("alpha", true)]
    [InlineData("undefined", false)]
    public void Rgba_bytes_keep_their_alpha_band_under_the_mask_and_other_fourth_bands_are_dropped(string fourth, bool masked)
    {
        const int Width = 6;
        const int Height = 3;
        var rgba = Samples(Width * Height * 4);
        var mask = masked ? Enumerable.Range(0, Width * Height).Select(p => p % 4 == 1 ? (byte)0 : (byte)255).ToArray() : null;

        var rendered = DefaultRenderer.Render(Raster.FromBytes(Width, Height, 4, rgba, mask), Bands("red", "green", "blue", fourth));

        for (var p = 0; p < Width * Height; p++)
        {
            var alpha = mask?[p] == 0 ? 0 : fourth == "alpha" ? rgba[(p * 4) + 3] : 255;
            Assert.Equal([rgba[p * 4], rgba[(p * 4) + 1], rgba[(p * 4) + 2], (byte)alpha], rendered.Pixels.AsSpan(p * 4, 4).ToArray());
        }
    }

    private static byte[] Samples(int count) => Enumerable.Range(0, count).Select(i => (byte)((i * 37) + (i / 7))).ToArray();

    private static BandInfo[] Bands(params string[] interpretations) =>
        [.. interpretations.Select(name => new BandInfo { Interpretation = name })];
}
