namespace LargeImage.MinimalApi.Native;

/// <summary>
/// Converts OpenSlide's native-endian premultiplied ARGB words to straight RGBA bytes, which is what every
/// other reader produces and what encoders expect.
/// </summary>
internal static class PremultipliedArgb
{
    public static byte[] ToStraightRgba(ReadOnlySpan<uint> argb)
    {
        var rgba = new byte[argb.Length * 4];
        ToStraightRgba(argb, rgba);
        return rgba;
    }

    /// <summary>Writes every byte of the first <c>4 × argb.Length</c> of <paramref name="rgba"/>.</summary>
    public static void ToStraightRgba(ReadOnlySpan<uint> argb, Span<byte> rgba)
    {
        for (var i = 0; i < argb.Length; i++)
        {
            var pixel = argb[i];
            var alpha = pixel >> 24;
            var offset = i * 4;
            if (alpha == 0)
            {
                rgba.Slice(offset, 4).Clear();
                continue;
            }

            var red = (pixel >> 16) & 0xFF;
            var green = (pixel >> 8) & 0xFF;
            var blue = pixel & 0xFF;
            if (alpha != 255)
            {
                red = Unpremultiply(red, alpha);
                green = Unpremultiply(green, alpha);
                blue = Unpremultiply(blue, alpha);
            }

            rgba[offset] = (byte)red;
            rgba[offset + 1] = (byte)green;
            rgba[offset + 2] = (byte)blue;
            rgba[offset + 3] = (byte)alpha;
        }
    }

    /// <summary>Rounded division; a corrupt sample larger than its alpha is clamped rather than wrapped.</summary>
    private static uint Unpremultiply(uint channel, uint alpha) => Math.Min(255u, ((channel * 255) + (alpha / 2)) / alpha);
}
