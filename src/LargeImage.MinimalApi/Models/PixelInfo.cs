using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>
/// One pixel: its rendered colour (after any style) and, for georeferenced images, the raw sample of every band.
/// Every field is absent (<c>{}</c>) for a point off the image.
/// </summary>
public sealed record PixelInfo
{
    /// <summary>The rendered colour as <c>[r, g, b, a]</c>.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Value { get; init; }

    /// <summary>Rendered red.</summary>
    [JsonPropertyName("r")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? R { get; init; }

    /// <summary>Rendered green.</summary>
    [JsonPropertyName("g")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? G { get; init; }

    /// <summary>Rendered blue.</summary>
    [JsonPropertyName("b")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? B { get; init; }

    /// <summary>Rendered alpha.</summary>
    [JsonPropertyName("a")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? A { get; init; }

    /// <summary>Raw native values keyed by 1-based band number (NaN is written as <c>"NaN"</c>).</summary>
    [JsonPropertyName("bands")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public IReadOnlyDictionary<string, double>? Bands { get; init; }
}
