using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Histograms;

/// <summary>
/// Per-band statistics and histograms of a raster with large_image's (numpy's) semantics: equal-width bins over
/// the range, the last bin closed on the right, samples outside the range not counted. Masked pixels, NaN and the
/// band's no-data value are not samples at all.
/// </summary>
internal static class HistogramCalculator
{
    public static BandHistogram[] Compute(Raster raster, HistogramRequest request, IReadOnlyList<double?> nodata)
    {
        var result = new BandHistogram[raster.BandCount];
        for (var band = 0; band < raster.BandCount; band++)
        {
            result[band] = ComputeBand(raster, band, band < nodata.Count ? nodata[band] : null, request);
        }

        return result;
    }

    /// <summary>
    /// The value that leaves out at most <paramref name="threshold"/> of the samples from the bottom (or the top when
    /// <paramref name="fromMax"/>), read off bin edges as large_image's <c>histogramThreshold</c> does.
    /// </summary>
    public static double Threshold(BandHistogram histogram, double threshold, bool fromMax)
    {
        var hist = histogram.Hist.ToArray();
        var edges = histogram.BinEdges.ToArray();
        if (hist.Length == 0)
        {
            return (fromMax ? histogram.Max : histogram.Min) ?? 0;
        }

        if (fromMax)
        {
            Array.Reverse(hist);
            Array.Reverse(edges);
        }

        var samples = histogram.Density ? 1 : histogram.Samples;
        var tally = 0d;
        for (var i = 0; i < hist.Length; i++)
        {
            if (tally + hist[i] > threshold * samples)
            {
                return i == 0 ? (fromMax ? histogram.Max : histogram.Min) ?? edges[0] : edges[i];
            }

            tally += hist[i];
        }

        return edges[^1];
    }

    private static BandHistogram ComputeBand(Raster raster, int band, double? nodata, HistogramRequest request)
    {
        var pixelCount = raster.Width * raster.Height;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0, sum2 = 0;
        long count = 0;
        for (var p = 0; p < pixelCount; p++)
        {
            var v = raster[p, band];
            if (IsSample(raster, p, v, nodata))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sum += v;
                sum2 += v * v;
                count++;
            }
        }

        if (count == 0)
        {
            return new BandHistogram { Hist = [], BinEdges = [], Range = [], Bins = request.OnlyMinMax ? 0 : request.Bins, Density = request.Density };
        }

        var mean = sum / count;
        var stdev = Math.Sqrt(Math.Max(0, (sum2 / count) - (mean * mean)));
        if (request.OnlyMinMax)
        {
            return new BandHistogram
            {
                Min = min, Max = max, Mean = mean, Stdev = stdev, Samples = count, Hist = [], BinEdges = [], Range = [min, max + 1], Bins = 0,
                Density = request.Density,
            };
        }

        var (low, high, bins) = RangeAndBins(raster.Type, min, max, request);
        var edges = new double[bins + 1];
        var step = (high - low) / bins;
        for (var i = 0; i < bins; i++)
        {
            // numpy's linspace, so edges compare bit for bit with numpy and GDAL references.
            edges[i] = (i * step) + low;
        }

        edges[bins] = high;
        var hist = new double[bins];
        var scale = bins / (high - low);
        long samples = 0;
        for (var p = 0; p < pixelCount; p++)
        {
            var v = raster[p, band];
            if (!IsSample(raster, p, v, nodata) || v < low || v > high)
            {
                continue;
            }

            // numpy's correction of the scaled index against the actual edges, so values on an edge land where numpy puts them.
            var index = Math.Min((int)((v - low) * scale), bins - 1);
            if (v < edges[index])
            {
                index--;
            }
            else if (index != bins - 1 && v >= edges[index + 1])
            {
                index++;
            }

            hist[index]++;
            samples++;
        }

        if (request.Density && samples > 0)
        {
            for (var i = 0; i < bins; i++)
            {
                hist[i] /= samples;
            }
        }

        return new BandHistogram
        {
            Min = min, Max = max, Mean = mean, Stdev = stdev, Samples = samples, Hist = hist, BinEdges = edges, Range = [low, high], Bins = bins,
            Density = request.Density,
        };
    }

    private static (double Low, double High, int Bins) RangeAndBins(PixelType type, double min, double max, HistogramRequest request)
    {
        if (request.Low is { } low && request.High is { } high)
        {
            return (low, high, request.Bins);
        }

        var (lo, hi, bins) = (min, max + 1, request.Bins);
        if (request.Round && type.FullRange() is not null && hi - lo < bins * 10)
        {
            var step = (int)Math.Ceiling((hi - lo) / bins);
            bins = (int)Math.Ceiling((hi - lo) / step);
            hi = lo + (step * bins);
        }

        return (lo, hi, bins);
    }

    private static bool IsSample(Raster raster, int pixel, double value, double? nodata) =>
        raster.IsValid(pixel) && !double.IsNaN(value) && (nodata is not { } n || (value != n && !(double.IsNaN(n) && double.IsNaN(value))));
}
