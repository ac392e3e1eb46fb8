using System.Diagnostics;
using System.Globalization;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// The in-process figures the load test divides by, measured on the same machine just before and just after its
/// uncached scenarios (<c>--baseline</c>): per uncached tile on one thread (median and mean of distinct scattered
/// tiles), and the tiles/s of one thread per core sharing the reader, as the server's requests do; for JPEG tiles both
/// re-encoded and sent as stored. Printed as <c>name key=value …</c> lines for the load test.
/// </summary>
internal static class InProcessBaseline
{
    // Enough for the JIT's tiering to settle on the hot loops (measured: with 50, one-thread tiles cost twice as much).
    private const int Warmup = 300;

    public static void Run(TextWriter output)
    {
        Measure(output, "native-jpeg", TileReaderKind.Vips, Rendered(OutputFormat.Jpeg), tiles: 1000);
        Measure(output, "stored-jpeg", TileReaderKind.Vips, TilePipeline.ReadStored, tiles: 1000);
        Measure(output, "mercator-png", TileReaderKind.GdalWebMercator, Rendered(OutputFormat.Png), tiles: 200);
    }

    private static Func<ITileSource, (int Z, int X, int Y), byte[]> Rendered(OutputFormat format) =>
        (source, tile) => TilePipeline.Render(source, format, tile);

    private static void Measure(TextWriter output, string name, TileReaderKind kind, Func<ITileSource, (int Z, int X, int Y), byte[]> read, int tiles)
    {
        var threads = Environment.ProcessorCount;
        using var source = kind.Open();
        GdalBlockCacheFill.FillFor(kind);

        // Distinct tiles throughout: the one-thread pass, then the all-cores pass, never a tile decoded before.
        var picks = TilePipeline.Pick(source, Warmup + (tiles * (1 + threads)), 6151);
        for (var i = 0; i < Warmup; i++)
        {
            read(source, picks[i]);
        }

        var single = new List<double>(tiles);
        for (var i = 0; i < tiles; i++)
        {
            var start = Stopwatch.GetTimestamp();
            read(source, picks[Warmup + i]);
            single.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var parallel = picks.AsSpan(Warmup + tiles).ToArray();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < parallel.Length)
            {
                read(source, parallel[i]);
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name} median-ms={StageBreakdown.Median(single):0.000} mean-ms={single.Average():0.000} threads={threads} tiles-per-s={parallel.Length / clock.Elapsed.TotalSeconds:0}"));
    }
}
