using System.Diagnostics;
using System.Globalization;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// The in-process figures the load test divides by, measured on the same machine just before and just after its
/// uncached scenarios (<c>--baseline</c>), on the tiles it measures (<see cref="LoadTestTiles"/>): per tile on one
/// thread (median and mean), and the tiles/s of one thread per core sharing the reader, as the server's requests do;
/// for JPEG tiles both re-encoded and sent as stored. Printed as <c>name key=value …</c> lines for the load test.
/// </summary>
internal static class InProcessBaseline
{
    // Enough for the JIT's tiering to settle on the hot loops (measured: with 50, one-thread tiles cost twice as much).
    private const int Warmup = 300;

    public static void Run(TextWriter output)
    {
        Measure(output, "native-jpeg", TileReaderKind.Vips, Rendered(OutputFormat.Jpeg), LoadTestTiles.Native, LoadTestTiles.NativeSeed, 1000, 2000);
        Measure(output, "stored-jpeg", TileReaderKind.Vips, TilePipeline.ReadStored, LoadTestTiles.Native, LoadTestTiles.NativeSeed, 1000, 2000);
        Measure(output, "mercator-png", TileReaderKind.GdalWebMercator, Rendered(OutputFormat.Png), LoadTestTiles.Mercator, LoadTestTiles.MercatorSeed, 200, 400);
    }

    private static Func<ITileSource, (int Z, int X, int Y), byte[]> Rendered(OutputFormat format) =>
        (source, tile) => TilePipeline.Render(source, format, tile);

    private static void Measure(
        TextWriter output, string name, TileReaderKind kind, Func<ITileSource, (int Z, int X, int Y), byte[]> read, int measured, int seed, int oneThread, int allCores)
    {
        var threads = Environment.ProcessorCount;
        using var source = kind.Open();
        GdalBlockCacheFill.FillFor(kind);

        // The load test's list: its warm-up tiles warm up here too; each pass is spread over its measured tiles, so
        // both have their mix of levels, and no tile is read twice.
        var picks = TilePipeline.Pick(source, LoadTestTiles.Warmup + measured, seed);
        for (var i = 0; i < Warmup; i++)
        {
            read(source, picks[i]);
        }

        var tiles = picks[LoadTestTiles.Warmup..];
        var first = Spread(tiles, oneThread);
        var single = new List<double>(first.Length);
        foreach (var tile in first)
        {
            var start = Stopwatch.GetTimestamp();
            read(source, tile);
            single.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var parallel = Spread(tiles.Except(first).ToArray(), allCores);
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

    /// <summary><paramref name="count"/> tiles evenly spread over <paramref name="tiles"/>, in its order.</summary>
    private static (int Z, int X, int Y)[] Spread((int Z, int X, int Y)[] tiles, int count)
    {
        count = Math.Min(count, tiles.Length);
        return [.. Enumerable.Range(0, count).Select(i => tiles[(int)((long)i * tiles.Length / count)])];
    }
}
