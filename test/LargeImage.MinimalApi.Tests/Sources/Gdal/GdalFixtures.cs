namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

/// <summary>
/// Images the tests make themselves with the GDAL command-line tools, so GDAL tests run on a fresh clone without
/// the shared corpus. Each is generated once per test run, on first use (so a missing tool skips the test that needs
/// it), into one temp folder shared by every test class and removed when the test process exits.
/// </summary>
public sealed class GdalFixtures
{
    /// <summary>Nodata of <see cref="Elevation"/>.</summary>
    public const double ElevationNodata = -9999;

    private static readonly TempDirectory SharedDirectory = CreateDirectory();
    private static readonly Lazy<string> ElevationFile = new(MakeElevation);
    private static readonly Lazy<string> RgbFile = new(MakeRgb);
    private static readonly Lazy<string> PlainFile = new(MakePlain);
    private static readonly Lazy<string> NoCrsFile = new(MakeNoCrs);

    /// <summary>Float32 COG, 1000x800, UTM 33N (30 m pixels), nodata -9999 in a disc, internal overviews.</summary>
    public string Elevation => ElevationFile.Value;

    /// <summary>RGB byte tiled GeoTIFF, 600x400, EPSG:4326 from 10°E 50°N to 16°E 46°N.</summary>
    public string Rgb => RgbFile.Value;

    /// <summary>RGB PNG, 300x200, no georeferencing.</summary>
    public string Plain => PlainFile.Value;

    /// <summary>Single-band byte GeoTIFF, 200x100, with a geotransform in degrees but no CRS.</summary>
    public string NoCrs => NoCrsFile.Value;

    /// <summary>The value at (x, y) of <see cref="Elevation"/>: smooth relief, nodata inside a disc.</summary>
    public static double ElevationAt(int x, int y) =>
        Math.Pow(x - 700, 2) + Math.Pow(y - 250, 2) < 120 * 120
            ? ElevationNodata
            : Math.Round((Math.Sin(x / 37.0) * Math.Cos(y / 23.0) * 100) + (x * 0.25) + (y * 0.5), 2);

    /// <summary>The value of band (0-based) at (x, y) of <see cref="Rgb"/> and <see cref="Plain"/>.</summary>
    public static byte RgbAt(int band, int x, int y) => band switch
    {
        0 => (byte)(x % 256),
        1 => (byte)(y % 256),
        _ => (byte)((x * 7 + y * 13) % 251),
    };

    private static TempDirectory CreateDirectory()
    {
        var directory = new TempDirectory("li-gdal-fixtures");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return directory;
    }

    private static string MakeElevation()
    {
        var raw = SharedDirectory.File("elevation.bin");
        EnviImage.Write(raw, 1000, 800, 1, asFloat32: true, (_, x, y) => ElevationAt(x, y));
        var output = SharedDirectory.File("elevation_cog.tif");
        CliTool.Run(
            "gdal_translate", "-q", "-of", "COG", "-co", "BLOCKSIZE=256", "-co", "COMPRESS=DEFLATE", "-co", "RESAMPLING=NEAREST",
            "-a_srs", "EPSG:32633", "-a_ullr", "500000", "5000000", "530000", "4976000", "-a_nodata", "-9999", raw, output);
        return output;
    }

    private static string MakeRgb()
    {
        var raw = SharedDirectory.File("rgb.bin");
        EnviImage.Write(raw, 600, 400, 3, asFloat32: false, (b, x, y) => RgbAt(b, x, y));
        var output = SharedDirectory.File("rgb_4326.tif");
        CliTool.Run(
            "gdal_translate", "-q", "-of", "GTiff", "-co", "TILED=YES", "-co", "PHOTOMETRIC=RGB",
            "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", "16", "46", raw, output);
        return output;
    }

    private static string MakePlain()
    {
        var raw = SharedDirectory.File("plain.bin");
        EnviImage.Write(raw, 300, 200, 3, asFloat32: false, (b, x, y) => RgbAt(b, x, y));
        var output = SharedDirectory.File("plain.png");
        CliTool.Run("gdal_translate", "-q", "-of", "PNG", raw, output);
        return output;
    }

    private static string MakeNoCrs()
    {
        var raw = SharedDirectory.File("nocrs.bin");
        EnviImage.Write(raw, 200, 100, 1, asFloat32: false, (_, x, y) => (x + y) % 256);
        var output = SharedDirectory.File("nocrs.tif");
        CliTool.Run("gdal_translate", "-q", "-of", "GTiff", "-a_ullr", "-5", "3", "-3", "2", raw, output);
        return output;
    }
}
