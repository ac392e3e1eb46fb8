using LargeImage.MinimalApi.Tests.Sources.Gdal;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>
/// Real image files whose every sample is known: band b (0-based) at (x, y) holds <c>x + y + 100 b</c>. Plain TIFFs
/// come from libvips, georeferenced ones from a raw ENVI file through <c>gdal_translate</c>.
/// </summary>
internal static class GradientImages
{
    /// <summary>The sample of band <paramref name="band"/> at (x, y).</summary>
    public static double Value(int band, int x, int y) => x + y + (100 * band);

    /// <summary>
    /// A single-band float32 tiled TIFF with no physical scale: libvips always writes a resolution, and 72 dpi is the
    /// one readers take as "scale unknown".
    /// </summary>
    public static string Plain(string folder, int width, int height)
    {
        var path = Path.Combine(folder, $"gradient-{width}x{height}-{Guid.NewGuid():N}.tif");
        using var xyz = Image.Xyz(width, height);
        using var sum = xyz[0] + xyz[1];
        using var samples = sum.Cast(Enums.BandFormat.Float);
        samples.Tiffsave(path, tile: true, xres: 72 / 25.4, yres: 72 / 25.4, resunit: Enums.ForeignTiffResunit.Inch);
        return path;
    }

    /// <summary>
    /// A float32 GeoTIFF in EPSG:4326 with 0.01° pixels from (0°, 0°) to the south-east, so lon = x · 0.01 and
    /// lat = −y · 0.01; the first <paramref name="nodataColumns"/> columns hold the no-data value −1.
    /// </summary>
    public static string Georeferenced(string folder, int width, int height, int bands, int nodataColumns = 0)
    {
        CliTool.SkipIfMissing("gdal_translate");
        var name = $"geo-{width}x{height}x{bands}-{Guid.NewGuid():N}";
        var raw = Path.Combine(folder, name + ".bin");
        EnviImage.Write(raw, width, height, bands, asFloat32: true, (b, x, y) => x < nodataColumns ? -1 : Value(b, x, y));
        var path = Path.Combine(folder, name + ".tif");
        CliTool.Run(
            "gdal_translate", "-q", "-of", "GTiff", "-co", "TILED=YES", "-a_srs", "EPSG:4326",
            "-a_ullr", "0", "0", Degrees(width), Degrees(-height), "-a_nodata", "-1", raw, path);
        File.Delete(raw);
        File.Delete(Path.ChangeExtension(raw, ".hdr"));
        return path;
    }

    private static string Degrees(int pixels) => (pixels * 0.01).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
