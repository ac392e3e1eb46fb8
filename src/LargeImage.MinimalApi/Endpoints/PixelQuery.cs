using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Where a pixel is.</summary>
internal sealed class PixelQuery
{
    /// <summary>x.</summary>
    [FromQuery(Name = "left")]
    [Description("The pixel's x in units (longitude or easting in a CRS). Required.")]
    public string? Left { get; set; }

    /// <summary>y.</summary>
    [FromQuery(Name = "top")]
    [Description("The pixel's y in units (latitude or northing in a CRS). Required.")]
    public string? Top { get; set; }

    /// <summary>Coordinate units.</summary>
    [FromQuery(Name = "units")]
    [Description("pixels/base_pixels, fraction, mm or um (needs mm_x/mm_y), or for georeferenced images a CRS such as EPSG:4326 (their default).")]
    public string? Units { get; set; }
}
