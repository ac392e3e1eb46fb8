using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// Resolves a parsed style against an image as large_image's <c>_applyStyle</c>/<c>_getMinMax</c> do: band names
/// and numbers become indices (out of range is a 400, where large_image silently falls back), frames are checked,
/// and <c>auto</c>/<c>min</c>/<c>max</c>/<c>full</c>/thresholds become numbers.
/// </summary>
internal static class StyleResolver
{
    public static async ValueTask<IReadOnlyList<ResolvedStyleBand>> ResolveAsync(ImageStyle style, StyleTarget target, CancellationToken cancellationToken)
    {
        var ranges = new Dictionary<int, FrameRanges>();
        var result = new List<ResolvedStyleBand>(style.Bands.Count);
        foreach (var band in style.Bands)
        {
            var frame = ResolveFrame(style, band, target);
            var (index, isAlpha) = ResolveBand(style, band.Band, target, frame);
            if (!ranges.TryGetValue(frame, out var frameRanges))
            {
                frameRanges = new FrameRanges(target, frame);
                ranges[frame] = frameRanges;
            }

            var min = await ResolveLimitAsync(band.Min, isMax: false, index, target.Type, frameRanges, cancellationToken);
            var max = await ResolveLimitAsync(band.Max, isMax: true, index, target.Type, frameRanges, cancellationToken);
            var palette = band.Palette ?? (isAlpha ? Palette.TransparentToOpaque : Palette.BlackToWhite);
            var composite = band.Composite ?? (isAlpha ? StyleComposite.Multiply : StyleComposite.Lighten);
            result.Add(new ResolvedStyleBand(
                index, frame, min, max, palette.Colors, band.Scheme == StyleScheme.Discrete, band.Nodata, composite == StyleComposite.Multiply, band.Clamp));
        }

        return result;
    }

    private static int ResolveFrame(ImageStyle style, StyleBand band, StyleTarget target)
    {
        var frame = band.Frame ?? (target.Frame + (band.FrameDelta ?? 0));
        return frame >= 0 && frame < target.FrameCount
            ? frame
            : throw new InvalidParameterException(
                style.ParameterFor("frame"), $"Style frame {frame} is outside the image's frames 0..{target.FrameCount - 1}.");
    }

    private static (int? Index, bool IsAlpha) ResolveBand(ImageStyle style, StyleBandSelector selector, StyleTarget target, int frame)
    {
        var count = target.BandCount;
        var fallback = count <= 2 ? 0 : 1;
        if (selector.Index is { } number)
        {
            return number <= count
                ? (number - 1, false)
                : throw new InvalidParameterException(style.ParameterFor("band"), $"Band {number} is out of range: the image has {count} band(s), numbered from 1.");
        }

        switch (selector.Name)
        {
            case null:
                return (fallback, false);
            case "alpha":
                return (count is 2 or 4 ? count - 1 : null, true);
            case "red" when count > 2:
                return (0, false);
            case "blue" when count > 2:
                return (2, false);
        }

        var bands = target.Bands(frame);
        for (var i = 0; i < Math.Min(bands.Count, count); i++)
        {
            if (string.Equals(bands[i].Interpretation, selector.Name, StringComparison.OrdinalIgnoreCase))
            {
                return (i, false);
            }
        }

        if (selector.Name is "gray" or "green")
        {
            return (fallback, false);
        }

        var names = new[] { "red", "green", "blue", "gray", "alpha" }
            .Concat(bands.Select(b => b.Interpretation.ToLowerInvariant()))
            .Distinct();
        throw new InvalidParameterException(
            style.ParameterFor("band"), $"Unknown band '{selector.Name}'. Use a number from 1 to {count} or one of: {string.Join(", ", names)}.");
    }

    private static async ValueTask<double> ResolveLimitAsync(
        StyleLimit limit, bool isMax, int? index, PixelType type, FrameRanges ranges, CancellationToken cancellationToken)
    {
        var kind = limit.Kind;
        switch (kind)
        {
            case StyleLimitKind.Value:
                return limit.Value;
            case StyleLimitKind.Full:
                return isMax ? FullMax(type) : FullMin(type);
            case StyleLimitKind.Auto:
                var (mins, maxs) = await ranges.MinMaxAsync(cancellationToken);
                if (mins.All(v => v is >= 0 and <= 254) && maxs.All(v => v is >= 2 and <= 255))
                {
                    return isMax ? 255 : 0;
                }

                kind = isMax ? StyleLimitKind.Max : StyleLimitKind.Min;
                break;
        }

        if (index is not { } band)
        {
            return kind == StyleLimitKind.Min ? 0 : FullMax(type);
        }

        if (limit.Threshold is { } threshold)
        {
            var histograms = await ranges.HistogramsAsync(cancellationToken);
            return band < histograms.Count ? HistogramCalculator.Threshold(histograms[band], threshold, kind == StyleLimitKind.Max) : 0;
        }

        var (bandMins, bandMaxs) = await ranges.MinMaxAsync(cancellationToken);
        return kind == StyleLimitKind.Min ? bandMins[band] : bandMaxs[band];
    }

    // large_image: 'full' is 0..255 for uint8, 0..65535 for uint16, 0..1 for floats; other integers use their own range.
    private static double FullMin(PixelType type) => type.FullRange()?.Min ?? 0;

    private static double FullMax(PixelType type) => type.FullRange()?.Max ?? 1;

    /// <summary>A frame's per-band ranges: the reader's statistics when it has them all, else a bounded histogram.</summary>
    private sealed class FrameRanges(StyleTarget target, int frame)
    {
        private IReadOnlyList<BandHistogram>? histograms;
        private (double[] Min, double[] Max)? minMax;

        public async ValueTask<IReadOnlyList<BandHistogram>> HistogramsAsync(CancellationToken cancellationToken) =>
            histograms ??= await target.Histograms(frame, cancellationToken);

        public async ValueTask<(double[] Min, double[] Max)> MinMaxAsync(CancellationToken cancellationToken)
        {
            if (minMax is { } known)
            {
                return known;
            }

            var bands = target.Bands(frame);
            if (bands.Count >= target.BandCount && bands.Take(target.BandCount).All(b => b.Min is not null && b.Max is not null))
            {
                minMax = ([.. bands.Take(target.BandCount).Select(b => b.Min!.Value)], [.. bands.Take(target.BandCount).Select(b => b.Max!.Value)]);
            }
            else
            {
                var computed = await HistogramsAsync(cancellationToken);
                minMax = ([.. computed.Select(h => h.Min ?? 0)], [.. computed.Select(h => h.Max ?? 0)]);
            }

            return minMax.Value;
        }
    }
}
