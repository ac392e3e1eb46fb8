using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>One band's description and statistics, as large_image's <c>getBandInformation()</c> reports it.</summary>
public sealed record BandInfo
{
    /// <summary>Colour interpretation: <c>red</c>, <c>green</c>, <c>blue</c>, <c>alpha</c>, <c>gray</c>, <c>palette</c>, <c>undefined</c>, ….</summary>
    [JsonPropertyName("interpretation")] public required string Interpretation { get; init; }

    /// <summary>Minimum value (statistics may be approximate, from overviews).</summary>
    [JsonPropertyName("min")] public double? Min { get; init; }

    /// <summary>Maximum value.</summary>
    [JsonPropertyName("max")] public double? Max { get; init; }

    /// <summary>Mean value.</summary>
    [JsonPropertyName("mean")] public double? Mean { get; init; }

    /// <summary>Standard deviation.</summary>
    [JsonPropertyName("stdev")] public double? Stdev { get; init; }

    /// <summary>The no-data value, if any (NaN is written as the string <c>"nan"</c>).</summary>
    [JsonPropertyName("nodata")]
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double? Nodata { get; init; }

    /// <summary>Scale to apply to raw values.</summary>
    [JsonPropertyName("scale")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Scale { get; init; }

    /// <summary>Offset to apply to raw values.</summary>
    [JsonPropertyName("offset")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Offset { get; init; }

    /// <summary>The colour table of a palette band as <c>[r, g, b, a]</c> entries.</summary>
    [JsonPropertyName("colortable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int[]>? ColorTable { get; init; }
}
