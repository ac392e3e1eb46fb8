using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>One reader and whether its native library is usable here.</summary>
/// <param name="Name">The value for <c>?source=</c>.</param>
/// <param name="Available">Whether the native library loaded.</param>
/// <param name="Version">The library's version, or why it is unavailable.</param>
public sealed record SourceDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("available")] bool Available,
    [property: JsonPropertyName("version")] string Version);
