using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>Bounds of a geospatial image as large_image reports them: the four corners and the envelope.</summary>
public sealed record GeoBounds
{
    /// <summary>Lower-left corner.</summary>
    [JsonPropertyName("ll")] public required GeoPoint LowerLeft { get; init; }

    /// <summary>Upper-left corner.</summary>
    [JsonPropertyName("ul")] public required GeoPoint UpperLeft { get; init; }

    /// <summary>Lower-right corner.</summary>
    [JsonPropertyName("lr")] public required GeoPoint LowerRight { get; init; }

    /// <summary>Upper-right corner.</summary>
    [JsonPropertyName("ur")] public required GeoPoint UpperRight { get; init; }

    /// <summary>Minimum x of the envelope.</summary>
    [JsonPropertyName("xmin")] public required double XMin { get; init; }

    /// <summary>Maximum x of the envelope.</summary>
    [JsonPropertyName("xmax")] public required double XMax { get; init; }

    /// <summary>Minimum y of the envelope.</summary>
    [JsonPropertyName("ymin")] public required double YMin { get; init; }

    /// <summary>Maximum y of the envelope.</summary>
    [JsonPropertyName("ymax")] public required double YMax { get; init; }

    /// <summary>The CRS of the coordinates (<c>EPSG:4326</c>, or a PROJ string / WKT when it has no code).</summary>
    [JsonPropertyName("srs")] public required string Srs { get; init; }
}

/// <summary>A point in some CRS.</summary>
/// <param name="X">Easting or longitude.</param>
/// <param name="Y">Northing or latitude.</param>
public sealed record GeoPoint([property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y);
