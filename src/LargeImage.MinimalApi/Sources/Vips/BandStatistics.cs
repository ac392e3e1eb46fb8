using LargeImage.MinimalApi.Models;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>Band descriptions with statistics computed by libvips on a bounded-size image.</summary>
internal static class BandStatistics
{
    /// <summary>Interpretation by band count, as large_image assigns it.</summary>
    public static string Interpretation(int bandCount, int band) => bandCount switch
    {
        1 => "gray",
        2 => band == 0 ? "gray" : "alpha",
        4 => band switch { 0 => "red", 1 => "green", 2 => "blue", _ => "alpha" },
        _ => band switch { 0 => "red", 1 => "green", 2 => "blue", _ => "unknown" },
    };

    /// <summary>Band interpretations alone, without statistics.</summary>
    public static IReadOnlyList<BandInfo> Layout(int bandCount) =>
        [.. Enumerable.Range(0, bandCount).Select(band => new BandInfo { Interpretation = Interpretation(bandCount, band) })];

    /// <summary>Statistics per band of <paramref name="image"/> (vips <c>stats</c>: a 10-column double matrix whose row b+1 is band b: min, max, sum, sum², mean, sigma, …).</summary>
    public static IReadOnlyList<BandInfo> Compute(Image image)
    {
        using var stats = image.Stats();
        ReadOnlySpan<double> table = stats.WriteToMemory<double>();
        var columns = stats.Width;
        var bands = new List<BandInfo>(image.Bands);
        for (var band = 0; band < image.Bands; band++)
        {
            var row = table.Slice((band + 1) * columns, columns);
            bands.Add(new BandInfo
            {
                Interpretation = Interpretation(image.Bands, band),
                Min = row[0],
                Max = row[1],
                Mean = row[4],
                Stdev = row[5],
            });
        }

        return bands;
    }
}
