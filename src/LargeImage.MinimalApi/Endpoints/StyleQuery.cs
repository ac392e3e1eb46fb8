using System.ComponentModel;
using LargeImage.MinimalApi.Rendering.Styles;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Style parameters of the rendering endpoints (tiles, thumbnail, region, pixel).</summary>
internal sealed class StyleQuery
{
    /// <summary>large_image style JSON.</summary>
    [FromQuery(Name = "style")]
    [Description("large_image style JSON: one band object or {\"bands\": [...]} with band, min, max, palette, scheme, nodata, composite, clamp, frame, framedelta. Wins over the simple style parameters.")]
    public string? Style { get; set; }

    /// <summary>Band to style.</summary>
    [FromQuery(Name = "band")]
    [Description("Band to style: 1-based number or interpretation (red, green, blue, gray, alpha, …). Default: the grey band, or green of a colour image.")]
    public string? Band { get; set; }

    /// <summary>Value mapped to the first palette colour.</summary>
    [FromQuery(Name = "min")]
    [Description("Value mapped to the first palette colour: a number, auto (default), min, max, full, or a histogram threshold such as min:0.02.")]
    public string? Min { get; set; }

    /// <summary>Value mapped to the last palette colour.</summary>
    [FromQuery(Name = "max")]
    [Description("Value mapped to the last palette colour: a number, auto (default), min, max, full, or a histogram threshold such as max:0.02.")]
    public string? Max { get; set; }

    /// <summary>Palette.</summary>
    [FromQuery(Name = "palette")]
    [Description("A colormap name (see the colormaps route; _r reverses), a CSS colour (black to that colour), or a JSON list of CSS colours.")]
    public string? Palette { get; set; }

    /// <summary>Alias of palette.</summary>
    [FromQuery(Name = "cmap")]
    [Description("Alias of palette.")]
    public string? Cmap { get; set; }

    /// <summary>No-data value.</summary>
    [FromQuery(Name = "nodata")]
    [Description("A value drawn as transparent.")]
    public string? Nodata { get; set; }

    /// <summary>Palette scheme.</summary>
    [FromQuery(Name = "scheme")]
    [Description("linear (default) interpolates between palette colours; discrete splits min..max into one class per colour.")]
    public string? Scheme { get; set; }

    /// <summary>The validated style, or null for the default rendering.</summary>
    public ImageStyle? Parse() => StyleParser.FromQuery(Style, Band, Min, Max, Palette, Cmap, Nodata, Scheme);
}
