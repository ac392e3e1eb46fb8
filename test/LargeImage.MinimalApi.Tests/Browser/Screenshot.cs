using NetVips;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>The RGB pixels of a PNG screenshot, and the statistics the browser tests judge a rendering by.</summary>
public sealed class Screenshot
{
    // The viewer's checkerboard, drawn where no tile is: pixels near these colours are "empty".
    private static readonly byte[][] Background = [[236, 239, 243], [248, 249, 251]];
    private const int Tolerance = 12;

    private readonly byte[] _rgb;

    private Screenshot(byte[] rgb, int width, int height)
    {
        _rgb = rgb;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public static Screenshot Decode(byte[] png)
    {
        using var image = Image.NewFromBuffer(png);
        using var rgb = image.ExtractBand(0, 3).Cast(Enums.BandFormat.Uchar);
        return new Screenshot(rgb.WriteToMemory<byte>(), rgb.Width, rgb.Height);
    }

    /// <summary>Share of pixels that differ from the empty-map background: 0 for a blank map.</summary>
    public double ContentFraction()
    {
        var content = 0;
        for (var i = 0; i < _rgb.Length; i += 3)
        {
            if (!Background.Any(colour => Near(_rgb.AsSpan(i, 3), colour)))
            {
                content++;
            }
        }

        return content / (_rgb.Length / 3.0);
    }

    /// <summary>Mean absolute difference per channel (0-255) from a screenshot of the same size.</summary>
    public double MeanDifference(Screenshot other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException($"Sizes differ: {Width}×{Height} and {other.Width}×{other.Height}.", nameof(other));
        }

        long sum = 0;
        for (var i = 0; i < _rgb.Length; i++)
        {
            sum += Math.Abs(_rgb[i] - other._rgb[i]);
        }

        return sum / (double)_rgb.Length;
    }

    private static bool Near(ReadOnlySpan<byte> pixel, byte[] colour) =>
        Math.Abs(pixel[0] - colour[0]) <= Tolerance && Math.Abs(pixel[1] - colour[1]) <= Tolerance && Math.Abs(pixel[2] - colour[2]) <= Tolerance;
}
