using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Query parameters every image endpoint accepts. Strings, so malformed values become 400 problems we word.</summary>
internal sealed class CommonQuery
{
    /// <summary>Projection to open the image in.</summary>
    [FromQuery(Name = "projection")]
    [Description("Open a geospatial image in this projection, e.g. EPSG:3857 (tiles then follow the XYZ web-mercator grid). Default: the image's own pixel grid.")]
    public string? Projection { get; set; }

    /// <summary>Reader to force.</summary>
    [FromQuery(Name = "source")]
    [Description("Force a reader: gdal, vips or openslide. Default: the best reader for the file.")]
    public string? Source { get; set; }

    /// <summary>0-based frame.</summary>
    [FromQuery(Name = "frame")]
    [Description("0-based frame of a multi-frame image. Default 0.")]
    public string? Frame { get; set; }
}
