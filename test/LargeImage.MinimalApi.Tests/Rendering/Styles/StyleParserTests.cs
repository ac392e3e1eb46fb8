using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Rendering.Styles;

namespace LargeImage.MinimalApi.Tests.Rendering.Styles;

public sealed class StyleParserTests
{
    [Fact]
    public void No_parameters_mean_the_default_rendering()
    {
        Assert.Null(StyleParser.FromQuery(null, null, null, null, null, null, null, null));
        Assert.Null(StyleParser.ParseJson("{}"));
        Assert.Null(StyleParser.ParseJson("{\"icc\": false}"));
    }

    [Fact]
    public void Simple_parameters_build_one_band()
    {
        var style = StyleParser.FromQuery(null, "2", "10", "max:0.02", null, "viridis_r", "-9999", "discrete")!;

        var band = Assert.Single(style.Bands);
        Assert.Equal(2, band.Band.Index);
        Assert.Equal(new StyleLimit(StyleLimitKind.Value, 10), band.Min);
        Assert.Equal(new StyleLimit(StyleLimitKind.Max, 0, 0.02), band.Max);
        Assert.Equal("viridis_r", band.Palette!.Canonical);
        Assert.Equal(-9999, band.Nodata);
        Assert.Equal(StyleScheme.Discrete, band.Scheme);
        Assert.False(style.FromJson);
    }

    [Fact]
    public void Style_json_wins_over_simple_parameters()
    {
        var style = StyleParser.FromQuery("{\"band\": 1}", "2", null, null, null, null, null, null)!;

        Assert.Equal(1, Assert.Single(style.Bands).Band.Index);
    }

    [Fact]
    public void Every_band_key_is_read()
    {
        var style = StyleParser.ParseJson("""
            {"bands": [
              {"band": "red", "frame": 1, "min": "auto", "max": "full", "palette": ["#000", "rgba(255, 0, 0, 0.5)"],
               "scheme": "linear", "nodata": 0, "composite": "multiply", "clamp": "false"},
              {"band": 3, "framedelta": 2, "min": "min:0.02", "max": 200, "palette": "#0f0", "clamp": true}
            ], "dtype": "uint8"}
            """)!;

        var first = style.Bands[0];
        Assert.Equal("red", first.Band.Name);
        Assert.Equal(1, first.Frame);
        Assert.Equal(StyleLimitKind.Auto, first.Min.Kind);
        Assert.Equal(StyleLimitKind.Full, first.Max.Kind);
        Assert.Equal(127.5, first.Palette!.Colors[1].A);
        Assert.Equal(0, first.Nodata);
        Assert.Equal(StyleComposite.Multiply, first.Composite);
        Assert.False(first.Clamp);
        var second = style.Bands[1];
        Assert.Equal(2, second.FrameDelta);
        Assert.Equal(new StyleLimit(StyleLimitKind.Min, 0, 0.02), second.Min);
        Assert.Equal(200, second.Max.Value);
        Assert.Equal("#000000ff,#00ff00ff", second.Palette!.Canonical);
        Assert.True(second.Clamp);
        Assert.True(style.FromJson);
    }

    [Fact]
    public void Equivalent_styles_share_a_canonical_form()
    {
        var a = StyleParser.FromQuery(null, "1", "0", "100", "VIRIDIS", null, null, null)!;
        var b = StyleParser.ParseJson("{\"band\": 1, \"min\": 0, \"max\": 100.0, \"palette\": \"viridis\", \"scheme\": \"linear\"}")!;

        Assert.Equal(a.Canonical, b.Canonical);
    }

    [Theory]
    [InlineData("{bad json", "style", "not valid JSON")]
    [InlineData("[1, 2]", "style", "must be a JSON object")]
    [InlineData("{\"min\": \"lots\"}", "style", "must be a number")]
    [InlineData("{\"band\": 0}", "style", "start at 1")]
    [InlineData("{\"palette\": \"nosuchmap\"}", "style", "Valid colormaps: ")]
    [InlineData("{\"scheme\": \"log\"}", "style", "linear or discrete")]
    [InlineData("{\"composite\": \"screen\"}", "style", "lighten or multiply")]
    [InlineData("{\"function\": \"x.y\"}", "style", "not supported")]
    [InlineData("{\"bands\": [{\"band\": 1}], \"axis\": 0}", "style", "not supported")]
    [InlineData("{\"clamp\": 3}", "style", "true or false")]
    public void Malformed_style_json_names_style(string json, string parameter, string message)
    {
        var e = Assert.Throws<InvalidParameterException>(() => StyleParser.ParseJson(json));

        Assert.Equal(parameter, e.Parameter);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("min", "abc")]
    [InlineData("max", "max:2")]
    [InlineData("nodata", "none")]
    [InlineData("scheme", "stepped")]
    [InlineData("palette", "nosuchmap")]
    [InlineData("cmap", "nosuchmap")]
    [InlineData("band", "0")]
    public void Malformed_simple_parameter_is_named(string parameter, string value)
    {
        string? Value(string name) => name == parameter ? value : null;

        var e = Assert.Throws<InvalidParameterException>(() => StyleParser.FromQuery(
            null, Value("band"), Value("min"), Value("max"), Value("palette"), Value("cmap"), Value("nodata"), Value("scheme")));

        Assert.Equal(parameter, e.Parameter);
    }

    [Fact]
    public void Unknown_palette_lists_the_valid_colormaps()
    {
        var e = Assert.Throws<InvalidParameterException>(() => PaletteParser.Parse("nope", "palette"));

        Assert.Contains("viridis", e.Message);
        Assert.Contains("RdBu", e.Message);
    }

    [Theory]
    [InlineData("#f00", 255, 0, 0, 255)]
    [InlineData("#ff000080", 255, 0, 0, 128)]
    [InlineData("rebeccapurple", 102, 51, 153, 255)]
    [InlineData("rgb(0, 128, 255)", 0, 128, 255, 255)]
    public void A_single_colour_is_black_to_that_colour(string text, double r, double g, double b, double a)
    {
        var palette = PaletteParser.Parse(text, "palette");

        Assert.Equal([new(0, 0, 0), new(r, g, b, a)], palette.Colors);
    }

    [Fact]
    public void Colormap_names_win_over_css_names()
    {
        Assert.Equal(256, PaletteParser.Parse("gray", "palette").Colors.Count);
    }

    [Fact]
    public void Palette_lists_take_css_colours_and_fractions()
    {
        var palette = PaletteParser.Parse("[\"#000\", [1, 0.5, 0], \"hsl(120, 100%, 50%)\"]", "palette");

        Assert.Equal(new(255, 127.5, 0), palette.Colors[1]);
        Assert.Equal(new(0, 255, 0), palette.Colors[2]);
    }
}
