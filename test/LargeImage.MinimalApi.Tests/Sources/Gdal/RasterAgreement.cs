using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

/// <summary>
/// How closely rasters we read match a reference image from the GDAL tools, pixel by pixel: whether validity
/// agrees, and whether raw values agree where both have data.
/// </summary>
internal sealed class RasterAgreement
{
    public int Pixels { get; private set; }

    public int MaskMatches { get; private set; }

    public int ValidInBoth { get; private set; }

    public int ValueMatches { get; private set; }

    public double MaskRatio => Pixels == 0 ? 1 : (double)MaskMatches / Pixels;

    public double ValueRatio => ValidInBoth == 0 ? 1 : (double)ValueMatches / ValidInBoth;

    /// <summary>
    /// Compares <paramref name="raster"/> (its first <paramref name="bands"/> bands) with the reference block at
    /// (<paramref name="offsetX"/>, <paramref name="offsetY"/>), over the raster's (<paramref name="width"/> ×
    /// <paramref name="height"/>) top-left part. The reference's validity is band <paramref name="maskBand"/> ≠ 0.
    /// </summary>
    public void Add(Raster raster, EnviImage reference, int bands, int maskBand, int offsetX, int offsetY, int width, int height)
    {
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * raster.Width) + x;
                var (rx, ry) = (offsetX + x, offsetY + y);
                var referenceValid = reference[maskBand, rx, ry] != 0;
                var valid = raster.IsValid(pixel);
                Pixels++;
                MaskMatches += valid == referenceValid ? 1 : 0;
                if (!valid || !referenceValid)
                {
                    continue;
                }

                ValidInBoth++;
                var same = true;
                for (var b = 0; b < bands && same; b++)
                {
                    var (mine, theirs) = (raster[pixel, b], reference[b, rx, ry]);
                    same = mine.Equals(theirs) || (double.IsNaN(mine) && double.IsNaN(theirs));
                }

                ValueMatches += same ? 1 : 0;
            }
        }
    }

    /// <summary>Counts pixels that must be masked (beyond the image) and checks they are.</summary>
    public void AddMasked(Raster raster, int x0, int y0, int x1, int y1)
    {
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                Pixels++;
                MaskMatches += raster.IsValid((y * raster.Width) + x) ? 0 : 1;
            }
        }
    }

    public override string ToString() =>
        $"mask {MaskMatches}/{Pixels} ({MaskRatio:P2}), values {ValueMatches}/{ValidInBoth} ({ValueRatio:P2})";
}
