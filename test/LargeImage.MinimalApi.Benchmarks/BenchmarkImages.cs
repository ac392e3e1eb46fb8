using System.Diagnostics;
using NetVips;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// The large images the benchmarks read, generated here on first use. Every size is a replica of one 4096² pattern,
/// so a tile of the 64k² image holds the same kind of pixels as a tile of the 4k² one and only the size differs.
/// They are kept in the temp folder between runs: generating the 64k² pyramid costs minutes, reading it milliseconds.
/// </summary>
internal static class BenchmarkImages
{
    /// <summary>Edge of the UTM COG's blocks (the COG driver's default, given explicitly).</summary>
    public const int UtmCogBlockSize = 512;

    private const int PatternSize = 4096;

    // Bump when the recipe changes, so a stale set is never measured.
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "largeimage-bench-images-v2");

    private static readonly Lazy<string> Pattern = new(() => Make("pattern-4096.v", MakePattern));

    /// <summary>A pyramidal JPEG-compressed tiled TIFF of <paramref name="size"/>² (a multiple of 4096).</summary>
    public static string Pyramid(int size) => Make($"pyramid-{size}.tiff", path =>
    {
        using var pattern = Image.NewFromFile(Pattern.Value);
        using var tiled = pattern.Replicate(size / PatternSize, size / PatternSize);
        tiled.Tiffsave(path, compression: Enums.ForeignTiffCompression.Jpeg, q: 85, tile: true, tileWidth: 256, tileHeight: 256, pyramid: true);
    });

    /// <summary>
    /// A 16384² RGB Cloud Optimized GeoTIFF in UTM 33N (10 m pixels, DEFLATE, overviews), made by gdal_translate as a
    /// user's COG would be.
    /// </summary>
    public static string UtmCog() => Make("utm-16384.tif", path =>
    {
        const int size = 16384;
        var plain = path + ".plain.tif";
        try
        {
            using (var pattern = Image.NewFromFile(Pattern.Value))
            using (var tiled = pattern.Replicate(size / PatternSize, size / PatternSize))
            {
                tiled.Tiffsave(plain, compression: Enums.ForeignTiffCompression.Lzw, tile: true, bigtiff: true);
            }

            Run("gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", $"BLOCKSIZE={UtmCogBlockSize}", "-co", "OVERVIEWS=AUTO", "-co", "BIGTIFF=IF_SAFER",
                "-a_srs", "EPSG:32633", "-a_ullr", "500000", "5300000", "663840", "5136160", "-colorinterp", "red,green,blue",
                plain, path);
        }
        finally
        {
            File.Delete(plain);
        }
    });

    private static void MakePattern(string path)
    {
        // Gradients and waves (the example app's demo pattern) plus grain: without the grain a JPEG tile is a tenth of a
        // scan's or a photo's, and decodes faster than anything a server is really asked for.
        using var xyz = Image.Xyz(PatternSize, PatternSize);
        using var x = xyz[0];
        using var y = xyz[1];
        using var grain = Image.Gaussnoise(PatternSize, PatternSize, sigma: 12, mean: 0);
        using var red = ((x * 200.0 / PatternSize) + ((y / 97.0).Math(Enums.OperationMath.Sin) * 30) + grain + 10).Cast(Enums.BandFormat.Uchar);
        using var green = ((y * 200.0 / PatternSize) + ((x / 13.0).Math(Enums.OperationMath.Sin) * 20) + grain + 20).Cast(Enums.BandFormat.Uchar);
        using var blue = ((((x + y) / 211.0).Math(Enums.OperationMath.Cos) * 90) + 128 + grain).Cast(Enums.BandFormat.Uchar);
        using var rgb = red.Bandjoin(green, blue).Copy(interpretation: Enums.Interpretation.Srgb);
        rgb.WriteToFile(path);
    }

    private static string Make(string name, Action<string> make)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Folder);
        // Written under a temporary name and moved, so an interrupted run never leaves a half image to be measured.
        var partial = Path.Combine(Folder, $"partial-{Guid.NewGuid():N}{Path.GetExtension(name)}");
        var clock = Stopwatch.StartNew();
        try
        {
            make(partial);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        Console.WriteLine($"// Generated {path} in {clock.Elapsed.TotalSeconds:0} s");
        return path;
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
        }
    }
}
