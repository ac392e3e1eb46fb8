using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>The tile grid, as django-large-image's <c>tiles/metadata</c> reports it.</summary>
public sealed record TilesMetadata
{
    /// <summary>Number of zoom levels; z runs from 0 (lowest resolution) to levels − 1.</summary>
    [JsonPropertyName("levels")] public required int Levels { get; init; }

    /// <summary>Full-resolution width of the grid.</summary>
    [JsonPropertyName("size_x")] public required long SizeX { get; init; }

    /// <summary>Full-resolution height of the grid.</summary>
    [JsonPropertyName("size_y")] public required long SizeY { get; init; }

    /// <summary>Tile edge in pixels.</summary>
    [JsonPropertyName("tile_size")] public required int TileSize { get; init; }

    /// <summary>Whether the image is georeferenced.</summary>
    [JsonPropertyName("geospatial")] public required bool Geospatial { get; init; }

    /// <summary>Number of frames.</summary>
    [JsonPropertyName("frames")] public required int Frames { get; init; }

    /// <summary>The grid's projection, dtype and band count.</summary>
    [JsonPropertyName("additional_metadata")] public required IReadOnlyDictionary<string, object?> AdditionalMetadata { get; init; }
}
