using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Where a region or pixel is, and how large the output may be.</summary>
internal sealed class RegionQuery
{
    /// <summary>Left edge.</summary>
    [FromQuery(Name = "left")]
    [Description("Left edge (or the pixel's x) in units. Default 0 in pixel-like units; required in a CRS.")]
    public string? Left { get; set; }

    /// <summary>Top edge.</summary>
    [FromQuery(Name = "top")]
    [Description("Top edge (or the pixel's y) in units; in a CRS, the northern edge. Default 0 in pixel-like units; required in a CRS.")]
    public string? Top { get; set; }

    /// <summary>Right edge.</summary>
    [FromQuery(Name = "right")]
    [Description("Right edge in units. Default: the image's right edge in pixel-like units; required in a CRS.")]
    public string? Right { get; set; }

    /// <summary>Bottom edge.</summary>
    [FromQuery(Name = "bottom")]
    [Description("Bottom edge in units. Default: the image's bottom edge in pixel-like units; required in a CRS.")]
    public string? Bottom { get; set; }

    /// <summary>Coordinate units.</summary>
    [FromQuery(Name = "units")]
    [Description("pixels/base_pixels (full-resolution pixels), fraction, mm or um (needs mm_x/mm_y), or for georeferenced images a CRS such as EPSG:4326 (their default), EPSG:3857 or wgs84.")]
    public string? Units { get; set; }

    /// <summary>Output width cap.</summary>
    [FromQuery(Name = "max_width")]
    [Description("Largest output width in pixels; aspect is kept. Default: the region's own width.")]
    public string? MaxWidth { get; set; }

    /// <summary>Output height cap.</summary>
    [FromQuery(Name = "max_height")]
    [Description("Largest output height in pixels; aspect is kept. Default: the region's own height.")]
    public string? MaxHeight { get; set; }
}
