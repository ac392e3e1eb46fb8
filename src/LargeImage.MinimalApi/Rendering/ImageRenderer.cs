using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Rendering.Styles;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>
/// Turns rasters into RGBA for every rendering endpoint: the default rendering when there is no style (the fast
/// path for 8-bit images), else the style resolved once per request against the image.
/// </summary>
internal sealed class ImageRenderer(HistogramService histograms)
{
    /// <summary>Resolves a style against the image; null (no style) means the default rendering.</summary>
    public async ValueTask<IReadOnlyList<ResolvedStyleBand>?> ResolveAsync(ImageStyle? style, OpenedImage image, CancellationToken cancellationToken)
    {
        if (style is null)
        {
            return null;
        }

        var source = image.Source;
        var metadata = source.Metadata;
        var type = Enum.TryParse<PixelType>(metadata.DType, ignoreCase: true, out var parsed) ? parsed : PixelType.Float64;
        var target = new StyleTarget(
            image.Frame,
            source.FrameCount,
            metadata.BandCount,
            type,
            source.GetBands,
            (frame, token) => histograms.GetAsync(image, frame, HistogramRequest.ForStyle, token));
        return await StyleResolver.ResolveAsync(style, target, cancellationToken);
    }

    /// <summary>Renders <paramref name="raster"/> (of the request's frame); <paramref name="readFrame"/> reads the same window of another frame.</summary>
    public static RgbaImage Render(Raster raster, IReadOnlyList<ResolvedStyleBand>? style, OpenedImage image, Func<int, Raster> readFrame) =>
        style is null
            ? DefaultRenderer.Render(raster, raster.Bytes is null ? image.Source.GetBands(image.Frame) : image.Source.GetBandLayout(image.Frame))
            : StyleRenderer.Render(raster, style, image.Frame, readFrame);
}
