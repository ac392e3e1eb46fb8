using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Rendering.Colormaps;

namespace LargeImage.MinimalApi.Tests.Rendering.Colormaps;

public sealed class ColormapRegistryTests
{
    [Theory]
    [InlineData("viridis")]
    [InlineData("plasma")]
    [InlineData("inferno")]
    [InlineData("magma")]
    [InlineData("cividis")]
    [InlineData("turbo")]
    [InlineData("gray")]
    [InlineData("greys")]
    [InlineData("terrain")]
    [InlineData("jet")]
    [InlineData("rainbow")]
    [InlineData("RdBu")]
    [InlineData("RdYlGn")]
    [InlineData("Spectral")]
    [InlineData("coolwarm")]
    public void Required_colormaps_and_their_reversals_exist(string name)
    {
        Assert.True(ColormapRegistry.TryGet(name, out var map));
        Assert.True(ColormapRegistry.TryGet(name + "_r", out var reversed));
        Assert.Equal(256, map.Colors.Count);
        Assert.Equal(map.Colors[0], reversed.Colors[255]);
        Assert.Equal(map.Colors[255], reversed.Colors[0]);
    }

    [Theory]
    [InlineData("viridis", 0x440154, 0xfde725)]
    [InlineData("magma", 0x000004, 0xfcfdbf)]
    [InlineData("jet", 0x000080, 0x800000)]
    [InlineData("gray", 0x000000, 0xffffff)]
    [InlineData("Greys", 0xffffff, 0x000000)]
    [InlineData("RdBu", 0x67001f, 0x053061)]
    [InlineData("coolwarm", 0x3b4cc0, 0xb40426)]
    public void Ends_match_matplotlib(string name, int first, int last)
    {
        Assert.True(ColormapRegistry.TryGet(name, out var map));
        Assert.Equal(RgbaColor.FromRgb(first), map.Colors[0]);
        Assert.Equal(RgbaColor.FromRgb(last), map.Colors[255]);
    }

    [Fact]
    public void Viridis_middle_entry_matches_matplotlib() =>
        Assert.Equal(RgbaColor.FromRgb(0x21918c), ColormapRegistry.TryGet("viridis", out var map) ? map.Colors[128] : default);

    [Fact]
    public void Names_are_listed_with_reversals() =>
        Assert.Contains("viridis_r", ColormapRegistry.Names);

    [Fact]
    public void Legend_runs_low_to_high()
    {
        ColormapRegistry.TryGet("viridis", out var map);

        var legend = ColormapLegend.Render(map!, 256, 2);

        Assert.Equal([0x44, 0x01, 0x54, 255], legend.Pixels[..4]);
        Assert.Equal([0xfd, 0xe7, 0x25, 255], legend.Pixels[(255 * 4)..(256 * 4)]);
    }
}
