using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>Builds large_image's per-band description (<c>getBandInformation</c>) from a dataset.</summary>
internal static class GdalBandInfo
{
    /// <param name="dataset">The open dataset.</param>
    /// <param name="statistics">
    /// Whether to include min/max/mean/stdev, which GDAL may compute from an overview on first use; rendering 8-bit
    /// samples needs only the interpretation, colour table and no-data value.
    /// </param>
    public static IReadOnlyList<BandInfo> Read(GdalDatasetHandle dataset, bool statistics = true)
    {
        var count = Interop.Gdal.GetRasterCount(dataset);
        var result = new BandInfo[count];
        for (var b = 1; b <= count; b++)
        {
            var band = Interop.Gdal.GetRasterBand(dataset, b);
            var stats = statistics ? Interop.Gdal.GetStatistics(band, approxOk: true) : null;
            var interpretation = Interop.Gdal.GetColorInterpretation(band);
            result[b - 1] = new BandInfo
            {
                Interpretation = Name(interpretation),
                Min = stats?.Min,
                Max = stats?.Max,
                Mean = stats?.Mean,
                Stdev = stats?.StdDev,
                Nodata = Interop.Gdal.GetNoDataValue(band),
                Scale = Interop.Gdal.GetScale(band),
                Offset = Interop.Gdal.GetOffset(band),
                ColorTable = Interop.Gdal.GetColorTable(band),
            };
        }

        return result;
    }

    /// <summary>large_image's interpretation names (lowercase colours, <c>Y</c>/<c>Cb</c>/<c>Cr</c> as GDAL spells them).</summary>
    public static string Name(GdalColorInterpretation interpretation) => interpretation switch
    {
        GdalColorInterpretation.Gray => "gray",
        GdalColorInterpretation.Palette => "palette",
        GdalColorInterpretation.Red => "red",
        GdalColorInterpretation.Green => "green",
        GdalColorInterpretation.Blue => "blue",
        GdalColorInterpretation.Alpha => "alpha",
        GdalColorInterpretation.Hue => "hue",
        GdalColorInterpretation.Saturation => "saturation",
        GdalColorInterpretation.Lightness => "lightness",
        GdalColorInterpretation.Cyan => "cyan",
        GdalColorInterpretation.Magenta => "magenta",
        GdalColorInterpretation.Yellow => "yellow",
        GdalColorInterpretation.Black => "black",
        GdalColorInterpretation.YCbCrY => "Y",
        GdalColorInterpretation.YCbCrCb => "Cb",
        GdalColorInterpretation.YCbCrCr => "Cr",
        _ => "undefined",
    };
}
