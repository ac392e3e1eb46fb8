namespace LargeImage.MinimalApi.Rendering.Colormaps;

/// <summary>
/// Draws a colormap as a legend strip: left (low) to right (high) when wider than tall, else bottom (low) to top
/// (high), the way legends beside a map read.
/// </summary>
internal static class ColormapLegend
{
    public static RgbaImage Render(Colormap colormap, int width, int height)
    {
        var pixels = new byte[width * height * 4];
        var horizontal = width >= height;
        var length = horizontal ? width : height;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var step = horizontal ? x : height - 1 - y;
                var color = colormap.At(length == 1 ? 0 : step / (double)(length - 1));
                var o = ((y * width) + x) * 4;
                pixels[o] = ToByte(color.R);
                pixels[o + 1] = ToByte(color.G);
                pixels[o + 2] = ToByte(color.B);
                pixels[o + 3] = ToByte(color.A);
            }
        }

        return new RgbaImage(width, height, pixels);
    }

    private static byte ToByte(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
