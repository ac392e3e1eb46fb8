using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public class PremultipliedArgbTests
{
    [Fact]
    public void Opaque_pixels_are_reordered_to_rgba()
    {
        var rgba = PremultipliedArgb.ToStraightRgba([0xFF102030u]);
        Assert.Equal(new byte[] { 0x10, 0x20, 0x30, 0xFF }, rgba);
    }

    [Fact]
    public void Transparent_pixels_are_zero()
    {
        Assert.Equal(new byte[4], PremultipliedArgb.ToStraightRgba([0x00000000u]));
    }

    [Fact]
    public void Translucent_pixels_are_unpremultiplied_with_rounding()
    {
        // 50% alpha (128) over premultiplied (100, 64, 0) → straight (199, 128, 0), rounded to nearest.
        var rgba = PremultipliedArgb.ToStraightRgba([(128u << 24) | (100u << 16) | (64u << 8)]);
        Assert.Equal(new byte[] { 199, 128, 0, 128 }, rgba);
    }

    [Fact]
    public void Corrupt_samples_above_alpha_are_clamped()
    {
        var rgba = PremultipliedArgb.ToStraightRgba([(10u << 24) | (200u << 16)]);
        Assert.Equal(255, rgba[0]);
    }
}
