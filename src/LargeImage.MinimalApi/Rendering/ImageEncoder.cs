using LargeImage.MinimalApi.Native;
using NetVips;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>
/// Encodes rendered images. JPEG goes through TurboJPEG when the system has it (a quarter of libvips' time for a
/// tile, whose fixed per-image cost dominates at this size) and PNG through our own writer; WebP and TIFF through
/// libvips.
/// </summary>
internal static class ImageEncoder
{
    private static readonly bool UseTurboJpeg = Interop.TurboJpeg.IsAvailable;

    public static byte[] Encode(RgbaImage image, OutputFormat format, int quality) => format.Name switch
    {
        "png" => PngEncoder.Encode(image),
        "jpeg" when UseTurboJpeg => Interop.TurboJpeg.CompressRgba(image.Pixels, image.Width, image.Height, quality, image.IsGrey()),
        _ => EncodeWithVips(image, format, quality),
    };

    /// <summary>The libvips encoders: WebP, TIFF, and JPEG when TurboJPEG is missing.</summary>
    internal static byte[] EncodeWithVips(RgbaImage image, OutputFormat format, int quality)
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
        "jpeg" => image.JpegsaveBuffer(q: quality, optimizeCoding: false, subsampleMode: Enums.ForeignSubsample.Auto),
        "webp" => image.WebpsaveBuffer(q: quality, effort: 2),
        _ => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.Deflate),
    };
}
