using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Rendering.Histograms;

public sealed class HistogramCalculatorTests
{
    [Fact]
    public void Default_range_is_min_to_max_plus_one_with_numpy_bins()
    {
        var raster = Raster.FromBytes(4, 1, 1, [0, 1, 2, 3]);

        var h = Assert.Single(HistogramCalculator.Compute(raster, new HistogramRequest(4, false, false, false, null, null), [null]));

        Assert.Equal([0d, 4d], h.Range);
        Assert.Equal([0d, 1, 2, 3, 4], h.BinEdges);
        Assert.Equal([1d, 1, 1, 1], h.Hist);
        Assert.Equal(4, h.Samples);
        Assert.Equal(1.5, h.Mean);
        Assert.Equal(Math.Sqrt(1.25), h.Stdev!.Value, 12);
    }

    [Fact]
    public void Nodata_masked_and_nan_are_not_samples()
    {
        var raster = Raster.FromValues(5, 1, 1, PixelType.Float32, [1, 2, -9999, double.NaN, 5], [255, 255, 255, 255, 0]);

        var h = Assert.Single(HistogramCalculator.Compute(raster, HistogramRequest.ForStyle, [-9999]));

        Assert.Equal(1, h.Min);
        Assert.Equal(2, h.Max);
        Assert.Equal(2, h.Samples);
    }

    [Fact]
    public void Explicit_range_drops_outside_values_and_closes_the_last_bin()
    {
        var raster = Raster.FromValues(4, 1, 1, PixelType.Float32, [-1, 0, 10, 11]);

        var h = Assert.Single(HistogramCalculator.Compute(raster, new HistogramRequest(2, true, false, false, 0, 10), [null]));

        Assert.Equal([0.5, 0.5], h.Hist);
        Assert.Equal(2, h.Samples);
        Assert.True(h.Density);
    }

    [Fact]
    public void Round_range_gives_integer_width_bins_for_integer_data()
    {
        var raster = Raster.FromValues(2, 1, 1, PixelType.UInt16, [0, 999]);

        var h = Assert.Single(HistogramCalculator.Compute(raster, new HistogramRequest(256, false, false, true, null, null), [null]));

        Assert.Equal(250, h.Bins);
        Assert.Equal([0d, 1000d], h.Range);
    }

    [Fact]
    public void Only_min_max_keeps_the_same_shape()
    {
        var raster = Raster.FromBytes(2, 1, 1, [3, 7]);

        var h = Assert.Single(HistogramCalculator.Compute(raster, new HistogramRequest(256, false, true, false, null, null), [null]));

        Assert.Equal(3, h.Min);
        Assert.Empty(h.Hist);
        Assert.Empty(h.BinEdges);
        Assert.Equal(0, h.Bins);
    }

    [Fact]
    public void Threshold_excludes_at_most_the_fraction()
    {
        var raster = Raster.FromValues(100, 1, 1, PixelType.Float32, [.. Enumerable.Range(0, 100).Select(i => (double)i)]);
        var h = Assert.Single(HistogramCalculator.Compute(raster, new HistogramRequest(100, false, false, false, 0, 100), [null]));

        Assert.Equal(2, HistogramCalculator.Threshold(h, 0.02, fromMax: false));
        Assert.Equal(98, HistogramCalculator.Threshold(h, 0.02, fromMax: true));
    }
}
