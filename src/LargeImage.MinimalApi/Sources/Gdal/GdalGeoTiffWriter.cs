using System.Globalization;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Rendering;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Writes a window of a GDAL source as a Cloud Optimized GeoTIFF: the raw samples through <c>gdal_translate</c>
/// (native grid) or <c>gdalwarp</c> (projected grid), so type, band count, no-data, masks and georeferencing (GCPs
/// included) are carried by GDAL itself; or rendered RGBA pixels given the window's georeferencing.
/// </summary>
internal static class GdalGeoTiffWriter
{
    private const int MaxBlockSize = 512;

    public static void WriteRaw(
        GdalDatasetHandle source, GdalGeoreference georeference, ProjectedGrid? grid, int levels, string destination,
        PixelWindow window, int width, int height, GdalResampling resampling)
    {
        if (grid is null)
        {
            List<string> args =
            [
                .. Cog(width, height), "-srcwin", Format(window.Left), Format(window.Top), Format(window.Width), Format(window.Height),
                "-outsize", Format(width), Format(height), "-r", resampling.Name,
            ];
            using var translated = Interop.Gdal.Translate(destination, source, args);
            return;
        }

        var (xmin, ymax) = grid.PixelToProjected(window.Left, window.Top, levels);
        var (xmax, ymin) = grid.PixelToProjected(window.Right, window.Bottom, levels);
        List<string> warpArgs =
        [
            "-of", "MEM", "-t_srs", grid.Name, "-te", Format(xmin), Format(ymin), Format(xmax), Format(ymax),
            "-ts", Format(width), Format(height), "-r", resampling.WarpName,
        ];
        if (georeference.AssumedWgs84)
        {
            warpArgs.AddRange(["-s_srs", "EPSG:4326"]);
        }

        // The COG driver only copies whole datasets, so the warp goes through memory first.
        using var warped = Interop.Gdal.Warp(string.Empty, source, warpArgs);
        using var written = Interop.Gdal.Translate(destination, warped, Cog(width, height));
    }

    public static void WriteRendered(
        GdalGeoreference georeference, ProjectedGrid? grid, int levels, string destination, PixelWindow window, RgbaImage rendered)
    {
        double[] geoTransform;
        string wkt;
        if (grid is null)
        {
            var gt = georeference.GeoTransform;
            var (sx, sy) = (window.Width / rendered.Width, window.Height / rendered.Height);
            geoTransform =
            [
                gt[0] + (window.Left * gt[1]) + (window.Top * gt[2]), gt[1] * sx, gt[2] * sy,
                gt[3] + (window.Left * gt[4]) + (window.Top * gt[5]), gt[4] * sx, gt[5] * sy,
            ];
            wkt = georeference.Wkt;
        }
        else
        {
            var (xmin, ymax) = grid.PixelToProjected(window.Left, window.Top, levels);
            var (xmax, ymin) = grid.PixelToProjected(window.Right, window.Bottom, levels);
            geoTransform = [xmin, (xmax - xmin) / rendered.Width, 0, ymax, 0, -(ymax - ymin) / rendered.Height];
            using var srs = Interop.Gdal.SrsFromUserInput(grid.Name);
            wkt = Interop.Gdal.ExportToWkt(srs);
        }

        using var memory = Interop.Gdal.CreateInMemory(rendered.Width, rendered.Height, 4, GdalDataType.Byte);
        Interop.Gdal.DatasetRasterWrite<byte>(memory, rendered.Width, rendered.Height, rendered.Pixels, GdalDataType.Byte, [1, 2, 3, 4]);
        Interop.Gdal.SetGeoTransform(memory, geoTransform);
        Interop.Gdal.SetProjection(memory, wkt);
        using var written = Interop.Gdal.Translate(destination, memory, [.. Cog(rendered.Width, rendered.Height), "-colorinterp", "red,green,blue,alpha"]);
    }

    /// <summary>
    /// COG output options. libvips refuses a TIFF whose tiles are larger than the image, so a small region gets tiles
    /// that fit (a multiple of 16, as TIFF requires).
    /// </summary>
    private static string[] Cog(int width, int height)
    {
        var block = Math.Clamp(Math.Min(width, height) / 16 * 16, 16, MaxBlockSize);
        return ["-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", $"BLOCKSIZE={block.ToString(CultureInfo.InvariantCulture)}"];
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
