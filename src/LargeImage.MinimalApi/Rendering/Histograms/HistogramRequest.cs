using System.Globalization;

namespace LargeImage.MinimalApi.Rendering.Histograms;

/// <summary>What a histogram is asked for, validated.</summary>
/// <param name="Bins">Number of bins (at least 1).</param>
/// <param name="Density">Whether counts become fractions of the samples.</param>
/// <param name="OnlyMinMax">Whether to skip the histogram itself.</param>
/// <param name="Round">large_image's <c>range=round</c>: computed range, integer-width bins for integer data.</param>
/// <param name="Low">An explicit range's low end.</param>
/// <param name="High">An explicit range's high end.</param>
internal sealed record HistogramRequest(int Bins, bool Density, bool OnlyMinMax, bool Round, double? Low, double? High)
{
    /// <summary>What style thresholds (<c>min:0.02</c>) are computed from.</summary>
    public static readonly HistogramRequest ForStyle = new(256, false, false, false, null, null);

    public string Canonical => string.Create(
        CultureInfo.InvariantCulture,
        $"bins={Bins};density={Density};onlyMinMax={OnlyMinMax};round={Round};range={Low:R},{High:R}");
}
