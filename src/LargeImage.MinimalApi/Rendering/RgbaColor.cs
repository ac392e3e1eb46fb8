using System.Globalization;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>
/// A palette colour with channels on large_image's 0–255 scale. Channels stay fractional (CSS allows
/// <c>rgb(12.5, …)</c> and alpha fractions) so interpolation matches large_image's float arithmetic.
/// </summary>
internal readonly record struct RgbaColor(double R, double G, double B, double A = 255)
{
    public double this[int channel] => channel switch
    {
        0 => R,
        1 => G,
        2 => B,
        _ => A,
    };

    public static RgbaColor FromRgb(int rgb) => new((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);

    /// <summary><c>#rrggbbaa</c>, the form normalised styles use so equal palettes share cache keys.</summary>
    public string ToHex() => string.Create(
        CultureInfo.InvariantCulture,
        $"#{ToByte(R):x2}{ToByte(G):x2}{ToByte(B):x2}{ToByte(A):x2}");

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
