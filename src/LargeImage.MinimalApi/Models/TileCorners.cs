using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>The extent of one tile in the opened grid's units.</summary>
public sealed record TileCorners(
    [property: JsonPropertyName("xmin")] double XMin,
    [property: JsonPropertyName("xmax")] double XMax,
    [property: JsonPropertyName("ymin")] double YMin,
    [property: JsonPropertyName("ymax")] double YMax)
{
    /// <summary>The units: <c>pixels</c>, or the projection (e.g. <c>EPSG:3857</c>).</summary>
    [JsonPropertyName("units")] public string? Units { get; init; }
}
