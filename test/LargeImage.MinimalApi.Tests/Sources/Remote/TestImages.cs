using System.Diagnostics;

namespace LargeImage.MinimalApi.Tests.Sources.Remote;

/// <summary>Small real images for the remote tests, generated with GDAL's command-line tools.</summary>
internal static class TestImages
{
    /// <summary>A 1024² three-band georeferenced COG with 256² tiles and overviews, whose pixels vary everywhere.</summary>
    public static string MakeCog(string folder, string name = "remote.tif")
    {
        Skip.If(!File.Exists("/usr/bin/gdal_translate"), "gdal-bin is not installed.");
        const int Size = 1024;
        var ppm = Path.Combine(folder, Path.ChangeExtension(name, ".ppm"));
        using (var stream = File.Create(ppm))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes($"P6 {Size} {Size} 255\n"));
            var row = new byte[Size * 3];
            for (var y = 0; y < Size; y++)
            {
                for (var x = 0; x < Size; x++)
                {
                    row[x * 3] = (byte)x;
                    row[(x * 3) + 1] = (byte)y;
                    row[(x * 3) + 2] = (byte)((x * 7) ^ (y * 13));
                }

                stream.Write(row);
            }
        }

        var cog = Path.Combine(folder, name);
        Run(
            "gdal_translate", "-q", "-of", "COG", "-a_srs", "EPSG:32633", "-a_ullr", "500000", "5000000", "510240", "4989760",
            "-co", "BLOCKSIZE=256", "-co", "COMPRESS=DEFLATE", ppm, cog);
        File.Delete(ppm);
        return cog;
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
