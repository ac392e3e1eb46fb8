using LargeImage.MinimalApi.Rendering;

namespace LargeImage.MinimalApi.Tests.Rendering;

public sealed class CssColorTests
{
    [Theory]
    [InlineData("#abc", 0xAA, 0xBB, 0xCC, 255)]
    [InlineData("#abcd", 0xAA, 0xBB, 0xCC, 0xDD)]
    [InlineData("#a1b2c3", 0xA1, 0xB2, 0xC3, 255)]
    [InlineData("#a1b2c3d4", 0xA1, 0xB2, 0xC3, 0xD4)]
    [InlineData("rgba(10, 20, 30, 0.2)", 10, 20, 30, 51)]
    [InlineData("rgb(100% 0% 50%)", 255, 0, 127.5, 255)]
    [InlineData("SteelBlue", 70, 130, 180, 255)]
    [InlineData("hsl(0, 100%, 50%)", 255, 0, 0, 255)]
    public void Parses_css_forms(string text, double r, double g, double b, double a)
    {
        Assert.True(CssColor.TryParse(text, out var color));
        Assert.Equal(new RgbaColor(r, g, b, a), color);
    }

    [Theory]
    [InlineData("#12")]
    [InlineData("#ggg")]
    [InlineData("rgb(1, 2)")]
    [InlineData("notacolour")]
    [InlineData("")]
    public void Rejects_what_is_not_a_colour(string text) => Assert.False(CssColor.TryParse(text, out _));
}
