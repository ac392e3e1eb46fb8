using LargeImage.MinimalApi.Sources;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources;

/// <summary>Compares a raster's valid pixels with an independent reference read.</summary>
internal static class PixelComparison
{
    /// <summary>
    /// Fraction of valid pixels of <paramref name="raster"/> whose first <paramref name="bands"/> samples are all
    /// within <paramref name="tolerance"/> of the reference image (placed at the raster's top-left).
    /// </summary>
    public static double AgreeingFraction(Raster raster, Image reference, int bands, int tolerance)
    {
        var samples = reference.Cast(Enums.BandFormat.Double).WriteToMemory<double>();
        var valid = 0;
        var agreeing = 0;
        for (var y = 0; y < Math.Min(raster.Height, reference.Height); y++)
        {
            for (var x = 0; x < Math.Min(raster.Width, reference.Width); x++)
            {
                var pixel = (y * raster.Width) + x;
                if (!raster.IsValid(pixel))
                {
                    continue;
                }

                valid++;
                var ok = true;
                for (var b = 0; b < bands && ok; b++)
                {
                    ok = Math.Abs(raster[pixel, b] - samples[(((y * reference.Width) + x) * reference.Bands) + b]) <= tolerance;
                }

                agreeing += ok ? 1 : 0;
            }
        }

        return valid == 0 ? 0 : (double)agreeing / valid;
    }

    public static int ValidCount(Raster raster) =>
        Enumerable.Range(0, raster.Width * raster.Height).Count(raster.IsValid);
}
