using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetVips;

namespace LargeImage.Example;

/// <summary>
/// Creates the database and, on first start, demo images made here (no downloads): a float32 elevation-like COG in
/// UTM with nodata and overviews, an RGB byte COG in EPSG:4326 (both written as raw ENVI and converted with the GDAL
/// command-line tools), a large pyramidal TIFF and a plain PNG (both made with libvips).
/// </summary>
public sealed class DemoImageSeeder(IServiceProvider services, MediaStore media, IOptions<ExampleOptions> options, ILogger<DemoImageSeeder> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImageDb>();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (!options.Value.Seed || await db.Images.AnyAsync(cancellationToken))
        {
            return;
        }

        Directory.CreateDirectory(media.Root);
        var seeds = new (string Name, string File, Func<string, bool> Make)[]
        {
            ("Elevation (float32 UTM COG)", "demo-elevation-utm.tif", MakeElevationCog),
            ("Landscape (RGB EPSG:4326 COG)", "demo-rgb-4326.tif", MakeRgbCog),
            ("Large pyramid (16384² tiled TIFF)", "demo-pyramid.tiff", MakePyramid),
            ("Plain PNG", "demo-plain.png", MakePng),
        };
        foreach (var (name, file, make) in seeds)
        {
            var path = Path.Combine(media.Root, file);
            if (File.Exists(path) || make(path))
            {
                db.Images.Add(new ImageFile { Name = name, File = file });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private bool MakeElevationCog(string path)
    {
        const int size = 2048;
        const float nodata = -9999f;
        var samples = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var dx = (x - (size / 2.0)) / size;
                var dy = (y - (size / 2.0)) / size;
                var inside = (dx * dx) + (dy * dy) < 0.22;
                samples[(y * size) + x] = inside
                    ? (float)(800 + (450 * Math.Sin(x / 170.0) * Math.Cos(y / 230.0)) + (120 * Math.Sin((x + y) / 41.0)) - (900 * ((dx * dx) + (dy * dy))))
                    : nodata;
            }
        }

        var bytes = new byte[samples.Length * sizeof(float)];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        // 30 m pixels in UTM 33N (central Europe).
        return ConvertEnvi(path, bytes, size, size, 1, 4, "bsq",
            ["-a_srs", "EPSG:32633", "-a_ullr", "500000", "5300000", "561440", "5238560", "-a_nodata", "-9999"]);
    }

    private bool MakeRgbCog(string path)
    {
        const int width = 3072;
        const int height = 1536;
        var bytes = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                var wave = Math.Sin(x / 97.0) * Math.Cos(y / 61.0);
                bytes[i] = (byte)(40 + (120 * y / height) + (60 * wave));
                bytes[i + 1] = (byte)(90 + (100 * (1 + wave) / 2));
                bytes[i + 2] = (byte)(60 + (150 * x / width));
            }
        }

        // Alps-ish: 6°E–12°E, 44°N–47°N.
        return ConvertEnvi(path, bytes, width, height, 3, 1, "bip",
            ["-a_srs", "EPSG:4326", "-a_ullr", "6", "47", "12", "44", "-colorinterp", "red,green,blue"]);
    }

    private bool MakePyramid(string path)
    {
        try
        {
            using var xyz = Image.Xyz(16384, 16384);
            using var x = xyz[0];
            using var y = xyz[1];
            using var red = ((x * 255.0 / 16384.0) + ((y / 97.0).Math(Enums.OperationMath.Sin) * 40)).Cast(Enums.BandFormat.Uchar);
            using var green = (y * 255.0 / 16384.0).Cast(Enums.BandFormat.Uchar);
            using var blue = (((x + y) / 211.0).Math(Enums.OperationMath.Cos) * 100 + 128).Cast(Enums.BandFormat.Uchar);
            using var rgb = red.Bandjoin(green, blue).Copy(interpretation: Enums.Interpretation.Srgb);
            rgb.Tiffsave(path, compression: Enums.ForeignTiffCompression.Jpeg, q: 85, tile: true, tileWidth: 256, tileHeight: 256, pyramid: true);
            return true;
        }
        catch (VipsException e)
        {
            logger.LogWarning(e, "Could not generate the pyramidal TIFF demo image");
            return false;
        }
    }

    private bool MakePng(string path)
    {
        try
        {
            using var xyz = Image.Xyz(800, 600);
            using var x = xyz[0];
            using var y = xyz[1];
            using var ring = (((x - 400) * (x - 400)) + ((y - 300) * (y - 300))).Pow(0.5);
            using var red = ((ring / 9.0).Math(Enums.OperationMath.Sin) * 120 + 128).Cast(Enums.BandFormat.Uchar);
            using var green = (x * 255.0 / 800).Cast(Enums.BandFormat.Uchar);
            using var blue = (y * 255.0 / 600).Cast(Enums.BandFormat.Uchar);
            using var rgb = red.Bandjoin(green, blue).Copy(interpretation: Enums.Interpretation.Srgb);
            rgb.Pngsave(path);
            return true;
        }
        catch (VipsException e)
        {
            logger.LogWarning(e, "Could not generate the PNG demo image");
            return false;
        }
    }

    private bool ConvertEnvi(string path, byte[] samples, int width, int height, int bands, int enviType, string interleave, string[] translateArgs)
    {
        var work = Directory.CreateTempSubdirectory("largeimage-seed-");
        try
        {
            var raw = Path.Combine(work.FullName, "data.raw");
            File.WriteAllBytes(raw, samples);
            File.WriteAllText(Path.Combine(work.FullName, "data.hdr"),
                $"ENVI\nsamples = {width}\nlines = {height}\nbands = {bands}\nheader offset = 0\nfile type = ENVI Standard\ndata type = {enviType}\ninterleave = {interleave}\nbyte order = 0\n");
            string[] args = ["-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "OVERVIEWS=AUTO", .. translateArgs, raw, path];
            return Run("gdal_translate", args);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private bool Run(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                logger.LogWarning("{Tool} failed: {Error}", tool, error);
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            logger.LogWarning("{Tool} is not installed ({Message}); skipping a geospatial demo image", tool, e.Message);
            return false;
        }
    }
}
