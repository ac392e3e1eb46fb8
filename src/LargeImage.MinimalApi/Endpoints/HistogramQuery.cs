using System.ComponentModel;
using System.Globalization;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Rendering.Histograms;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Histogram parameters.</summary>
internal sealed class HistogramQuery
{
    private const int MaxBins = 65536;
    private const int DefaultBins = 256;

    /// <summary>Skip the histogram.</summary>
    [FromQuery(Name = "onlyMinMax")]
    [Description("Only min, max, mean, stdev and samples; hist and bin_edges are then empty. Default false.")]
    public string? OnlyMinMax { get; set; }

    /// <summary>Bin count.</summary>
    [FromQuery(Name = "bins")]
    [Description("Number of bins, 1-65536. Default 256.")]
    public string? Bins { get; set; }

    /// <summary>Normalise counts.</summary>
    [FromQuery(Name = "density")]
    [Description("Report each bin as a fraction of the samples. Default false.")]
    public string? Density { get; set; }

    /// <summary>Histogram range.</summary>
    [FromQuery(Name = "range")]
    [Description("[low, high] (or low,high), or round: the computed range with integer-width bins for integer data. Default: [min, max + 1].")]
    public string? Range { get; set; }

    public HistogramRequest Parse()
    {
        var bins = QueryValue.Int("bins", Bins, 1, MaxBins) ?? DefaultBins;
        var density = QueryValue.Bool("density", Density) ?? false;
        var onlyMinMax = QueryValue.Bool("onlyMinMax", OnlyMinMax) ?? false;
        var range = Range?.Trim();
        if (string.IsNullOrEmpty(range))
        {
            return new HistogramRequest(bins, density, onlyMinMax, false, null, null);
        }

        if (string.Equals(range, "round", StringComparison.OrdinalIgnoreCase))
        {
            return new HistogramRequest(bins, density, onlyMinMax, true, null, null);
        }

        var parts = range.Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            || !double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
        {
            throw new InvalidParameterException("range", $"'range' must be round or [low, high] with low < high, not '{Range}'.");
        }

        return new HistogramRequest(bins, density, onlyMinMax, false, low, high);
    }
}
