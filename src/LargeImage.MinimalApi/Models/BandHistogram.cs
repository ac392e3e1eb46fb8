using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>
/// One band's statistics and histogram, with large_image's field names. Every field is always present, so clients
/// read one shape whatever was asked: with <c>onlyMinMax</c> the histogram is empty and <see cref="Bins"/> is 0.
/// </summary>
public sealed record BandHistogram
{
    /// <summary>Smallest valid sample, or null when the band has no valid sample.</summary>
    [JsonPropertyName("min")] public double? Min { get; init; }

    /// <summary>Largest valid sample.</summary>
    [JsonPropertyName("max")] public double? Max { get; init; }

    /// <summary>Mean of the valid samples.</summary>
    [JsonPropertyName("mean")] public double? Mean { get; init; }

    /// <summary>Population standard deviation of the valid samples.</summary>
    [JsonPropertyName("stdev")] public double? Stdev { get; init; }

    /// <summary>Samples counted in the histogram (valid samples inside <see cref="Range"/>), or all valid samples with onlyMinMax.</summary>
    [JsonPropertyName("samples")] public long Samples { get; init; }

    /// <summary>Count per bin, or the fraction of <see cref="Samples"/> per bin when <see cref="Density"/> is set.</summary>
    [JsonPropertyName("hist")] public required IReadOnlyList<double> Hist { get; init; }

    /// <summary>The <see cref="Bins"/> + 1 bin boundaries; the last bin includes its upper edge, as numpy's does.</summary>
    [JsonPropertyName("bin_edges")] public required IReadOnlyList<double> BinEdges { get; init; }

    /// <summary>The histogram's [low, high] range; by default [min, max + 1], as large_image uses.</summary>
    [JsonPropertyName("range")] public required IReadOnlyList<double> Range { get; init; }

    /// <summary>Number of bins (fewer than asked when <c>range=round</c> narrows integer data).</summary>
    [JsonPropertyName("bins")] public int Bins { get; init; }

    /// <summary>Whether <see cref="Hist"/> holds fractions rather than counts.</summary>
    [JsonPropertyName("density")] public bool Density { get; init; }
}
