using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Regions;

/// <summary>
/// The <c>units</c> of region and pixel coordinates: full-resolution pixels (<c>pixels</c>, <c>base_pixels</c>),
/// <c>fraction</c> of the image, <c>mm</c>/<c>um</c> when the pixel size is known, or, for georeferenced images, any
/// CRS (<c>EPSG:xxxx</c>, <c>wgs84</c>). Converts points to full-resolution pixels of the opened grid.
/// </summary>
internal sealed class RegionUnits
{
    private const string Wgs84 = "EPSG:4326";

    private readonly Func<double, double, (double X, double Y)>? scale;
    private readonly IGeoreferencedSource? geo;

    private RegionUnits(string name, Func<double, double, (double X, double Y)>? scale, IGeoreferencedSource? geo)
    {
        Name = name;
        this.scale = scale;
        this.geo = geo;
    }

    /// <summary>The normalised unit name (part of cache keys).</summary>
    public string Name { get; }

    /// <summary>Whether the units are a CRS, where y grows northwards so top and bottom may come in either order.</summary>
    public bool IsCrs => geo is not null;

    /// <summary>Parses <c>units</c>; the default is EPSG:4326 for georeferenced images, else pixels.</summary>
    public static RegionUnits Parse(string? units, ITileSource source)
    {
        var metadata = source.Metadata;
        var geoSource = source as IGeoreferencedSource is { IsGeoreferenced: true } g && metadata.Geospatial ? g : null;
        var value = units?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            value = geoSource is null ? "base_pixels" : Wgs84;
        }

        switch (value.ToLowerInvariant())
        {
            case "pixels" or "base_pixels" or "pixel":
                return new RegionUnits("base_pixels", (x, y) => (x, y), null);
            case "fraction":
                return new RegionUnits("fraction", (x, y) => (x * metadata.SizeX, y * metadata.SizeY), null);
            case "mm" or "um" or "µm" or "micrometers" or "millimeters":
                return Physical(value.ToLowerInvariant() is "mm" or "millimeters" ? 1 : 0.001, metadata, value);
        }

        var crs = value.ToLowerInvariant() is "wgs84" or "epsg:4326" or "crs:84" ? Wgs84 : ProjectionName.Normalize(value)!;
        if (geoSource is null)
        {
            throw new InvalidParameterException(
                "units", $"Unknown units '{value}'. Valid units: pixels, base_pixels, fraction, mm, um{(metadata.Geospatial ? ", or a CRS such as EPSG:4326" : string.Empty)}; CRS units need a georeferenced image.");
        }

        return new RegionUnits(crs, null, geoSource);
    }

    /// <summary>Converts points in these units to full-resolution pixels.</summary>
    public IReadOnlyList<(double X, double Y)> ToPixels(IReadOnlyList<(double X, double Y)> points) =>
        geo is not null ? geo.ToPixels(Name, points) : [.. points.Select(p => scale!(p.X, p.Y))];

    private static RegionUnits Physical(double millimetresPerUnit, ImageMetadata metadata, string value)
    {
        if (metadata.MmX is not > 0 || metadata.MmY is not > 0)
        {
            throw new InvalidParameterException("units", $"Units '{value}' need the image's pixel size (mm_x, mm_y), which this image does not have.");
        }

        var mmX = metadata.MmX.Value;
        var mmY = metadata.MmY.Value;
        return new RegionUnits(millimetresPerUnit == 1 ? "mm" : "um", (x, y) => (x * millimetresPerUnit / mmX, y * millimetresPerUnit / mmY), null);
    }
}
