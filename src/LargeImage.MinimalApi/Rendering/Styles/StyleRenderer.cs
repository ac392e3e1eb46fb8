using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// Applies a resolved style to a raster the way large_image's <c>_applyStyle</c> does: each band's values are
/// scaled by (v − min) / (max − min), mapped through its palette (linear interpolation or discrete classes), and
/// composited into an RGBA image that starts transparent black, per channel by lightening (maximum) or
/// multiplying. Pixels masked by the reader stay transparent, and channels end as large_image's uint8 cast does.
/// </summary>
internal static class StyleRenderer
{
    /// <param name="raster">The raster of the request's frame.</param>
    /// <param name="bands">The resolved style bands.</param>
    /// <param name="mainFrame">The frame <paramref name="raster"/> holds.</param>
    /// <param name="readFrame">Reads the same window of another frame, for bands that name one.</param>
    public static RgbaImage Render(Raster raster, IReadOnlyList<ResolvedStyleBand> bands, int mainFrame, Func<int, Raster> readFrame)
    {
        var pixelCount = raster.Width * raster.Height;
        var output = new float[pixelCount * 4];
        var frames = new Dictionary<int, Raster> { [mainFrame] = raster };
        for (var e = 0; e < bands.Count; e++)
        {
            var band = bands[e];
            if (!frames.TryGetValue(band.Frame, out var source))
            {
                source = readFrame(band.Frame);
                frames[band.Frame] = source;
            }

            ApplyBand(source, band, first: e == 0, output);
        }

        var pixels = PixelBuffers.Rent(pixelCount * 4, clear: false);
        for (var i = 0; i < output.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(output[i], 0, 255);
        }

        for (var p = 0; p < pixelCount; p++)
        {
            if (!raster.IsValid(p))
            {
                pixels[(p * 4) + 3] = 0;
            }
        }

        return new RgbaImage(raster.Width, raster.Height, pixels);
    }

    private static void ApplyBand(Raster source, ResolvedStyleBand band, bool first, float[] output)
    {
        var palette = band.Palette;
        var n = palette.Count;
        var channels = new ChannelMode[4];
        for (var c = 0; c < 4; c++)
        {
            channels[c] = Mode(palette, c, band.Multiply);
        }

        // large_image's first band only ever lightens; a leading multiply band leaves the black output as it is.
        if (band.Multiply && first)
        {
            return;
        }

        var delta = band.Max != band.Min ? band.Max - band.Min : 1;
        var pixelCount = source.Width * source.Height;
        for (var p = 0; p < pixelCount; p++)
        {
            var value = band.BandIndex is { } index ? source[p, index] : 255;
            var t = (value - band.Min) / delta;
            var masked = double.IsNaN(value)
                || !source.IsValid(p)
                || (band.Nodata is { } nodata && (value == nodata || (double.IsNaN(nodata) && double.IsNaN(value))))
                || (!band.Clamp && (t < 0 || t > 1));
            var o = p * 4;
            for (var c = 0; c < 4; c++)
            {
                if (channels[c] == ChannelMode.Skip)
                {
                    continue;
                }

                var color = channels[c] == ChannelMode.Constant ? palette[0][c] : Lookup(palette, n, t, c, band.Discrete);
                if (band.Multiply)
                {
                    output[o + c] = (float)(output[o + c] * (masked ? 1 : color / 255));
                }
                else
                {
                    var lit = masked ? 0 : (float)color;
                    output[o + c] = first ? lit : Math.Max(output[o + c], lit);
                }
            }
        }
    }

    private static double Lookup(IReadOnlyList<RgbaColor> palette, int n, double t, int channel, bool discrete)
    {
        if (discrete)
        {
            var index = (int)Math.Clamp(Math.Floor(t * n), 0, n - 1);
            return palette[index][channel];
        }

        var position = Math.Clamp(t, 0, 1) * (n - 1);
        var low = Math.Min((int)position, n - 1);
        var high = Math.Min(low + 1, n - 1);
        var a = palette[low][channel];
        return a + ((palette[high][channel] - a) * (position - low));
    }

    private static ChannelMode Mode(IReadOnlyList<RgbaColor> palette, int channel, bool multiply)
    {
        var first = palette[0][channel];
        if (palette.Any(c => c[channel] != first))
        {
            return ChannelMode.Varying;
        }

        // A constant channel that cannot change the output is skipped, as large_image skips it.
        return (first == 0 && !multiply) || (first == 255 && multiply) ? ChannelMode.Skip : ChannelMode.Constant;
    }

    private enum ChannelMode
    {
        Varying,
        Constant,
        Skip,
    }
}
