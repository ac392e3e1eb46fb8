using NetVips;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>Encodes rendered images with libvips.</summary>
internal static class ImageEncoder
{
    public static byte[] Encode(RgbaImage image, OutputFormat format, int quality)
    {
        using var rgba = Image.NewFromMemory(image.Pixels, image.Width, image.Height, 4, Enums.BandFormat.Uchar);
        if (!format.HasAlpha)
        {
            using var rgb = rgba.ExtractBand(0, 3);
            return Save(rgb, format, quality);
        }

        return Save(rgba, format, quality);
    }

    private static byte[] Save(Image image, OutputFormat format, int quality) => format.Name switch
    {
        "png" => image.PngsaveBuffer(compression: 6, filter: Enums.ForeignPngFilter.None),
        "jpeg" => image.JpegsaveBuffer(q: quality, optimizeCoding: false, subsampleMode: Enums.ForeignSubsample.Auto),
        "webp" => image.WebpsaveBuffer(q: quality, effort: 2),
        _ => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.Deflate),
    };
}
