using NetVips;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>Scales rendered images down with libvips, for sources that cannot read at a reduced size themselves.</summary>
internal static class ImageResizer
{
    /// <summary>Fits <paramref name="image"/> within the box, aspect kept, never enlarging.</summary>
    public static RgbaImage FitWithin(RgbaImage image, int? maxWidth, int? maxHeight)
    {
        var scale = Math.Min(1, Math.Min((maxWidth ?? image.Width) / (double)image.Width, (maxHeight ?? image.Height) / (double)image.Height));
        if (scale >= 1)
        {
            return image;
        }

        using var source = Image.NewFromMemory(image.Pixels, image.Width, image.Height, 4, Enums.BandFormat.Uchar);
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        using var resized = source.ThumbnailImage(width, height: height, size: Enums.Size.Force);
        return new RgbaImage(resized.Width, resized.Height, resized.WriteToMemory<byte>());
    }
}
