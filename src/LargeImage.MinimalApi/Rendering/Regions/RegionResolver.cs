using System.Globalization;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Regions;

/// <summary>
/// Turns <c>left top right bottom</c> in some units into a whole-pixel window of the image, cropped to it as
/// large_image crops, and sizes the output within <c>max_width</c>/<c>max_height</c> and the configured pixel limit.
/// </summary>
internal static class RegionResolver
{
    public static PixelWindow Resolve(ITileSource source, RegionUnits units, double? left, double? top, double? right, double? bottom)
    {
        var metadata = source.Metadata;
        if (units.IsCrs)
        {
            var l = left ?? throw Missing("left");
            var t = top ?? throw Missing("top");
            var r = right ?? throw Missing("right");
            var b = bottom ?? throw Missing("bottom");
            CheckOrder("left", l, "right", r);
            if (t == b)
            {
                throw new InvalidParameterException("top", "'top' and 'bottom' must differ.");
            }

            // Only the top-left and bottom-right corners are converted, as large_image and gdal_translate -projwin_srs
            // do, so a region matches what those tools cut from the same coordinates.
            var corners = units.ToPixels([(l, t), (r, b)]);
            if (corners.Any(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y)))
            {
                throw new InvalidParameterException("left", "The region has no place in the image's coordinate system.");
            }

            // Snapped to whole pixels as gdal_translate -projwin snaps a nearest-neighbour window (origin floored,
            // size rounded), so a GeoTIFF region lines up with what GDAL cuts from the same coordinates.
            var (minX, minY) = (corners.Min(p => p.X), corners.Min(p => p.Y));
            var (maxX, maxY) = (corners.Max(p => p.X), corners.Max(p => p.Y));
            var (snappedX, snappedY) = (Math.Floor(minX + 0.001), Math.Floor(minY + 0.001));
            return Crop(
                snappedX, snappedY, snappedX + Math.Floor(maxX - minX + 0.5), snappedY + Math.Floor(maxY - minY + 0.5), metadata.SizeX, metadata.SizeY);
        }

        if (left is { } gl && right is { } gr)
        {
            CheckOrder("left", gl, "right", gr);
        }

        if (top is { } gt && bottom is { } gb)
        {
            CheckOrder("top", gt, "bottom", gb);
        }

        // Missing edges default to the image's edges, as in large_image.
        var (x0, y0) = units.ToPixels([(left ?? 0, top ?? 0)])[0];
        var (x1, y1) = units.ToPixels([(right ?? 0, bottom ?? 0)])[0];
        x1 = right is null ? metadata.SizeX : x1;
        y1 = bottom is null ? metadata.SizeY : y1;
        return Crop(x0, y0, x1, y1, metadata.SizeX, metadata.SizeY);
    }

    /// <summary>The output size: the window's, scaled down (never up) to fit the caps, refused over the pixel limit.</summary>
    public static (int Width, int Height) OutputSize(PixelWindow window, int? maxWidth, int? maxHeight, long maxOutputPixels)
    {
        var scale = 1d;
        if (maxWidth is { } mw)
        {
            scale = Math.Min(scale, mw / window.Width);
        }

        if (maxHeight is { } mh)
        {
            scale = Math.Min(scale, mh / window.Height);
        }

        var width = Math.Max(1, Math.Round(window.Width * scale));
        var height = Math.Max(1, Math.Round(window.Height * scale));
        if (width * height > maxOutputPixels)
        {
            throw new OutputTooLargeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The output would be {width:0}x{height:0} pixels, over the limit of {maxOutputPixels} pixels; ask for a smaller region or set max_width/max_height."));
        }

        return ((int)width, (int)height);
    }

    private static PixelWindow Crop(double x0, double y0, double x1, double y1, long sizeX, long sizeY)
    {
        var left = Math.Clamp(Math.Round(x0), 0, sizeX);
        var top = Math.Clamp(Math.Round(y0), 0, sizeY);
        var right = Math.Clamp(Math.Round(x1), left, sizeX);
        var bottom = Math.Clamp(Math.Round(y1), top, sizeY);
        if (right <= left || bottom <= top)
        {
            throw new InvalidParameterException("left", "The region does not overlap the image.");
        }

        return new PixelWindow(left, top, right - left, bottom - top);
    }

    private static void CheckOrder(string lowName, double low, string highName, double high)
    {
        if (!(low < high))
        {
            throw new InvalidParameterException(
                lowName, string.Create(CultureInfo.InvariantCulture, $"'{lowName}' ({low}) must be less than '{highName}' ({high})."));
        }
    }

    private static InvalidParameterException Missing(string name) => new(name, $"'{name}' is required when units are a CRS.");
}
