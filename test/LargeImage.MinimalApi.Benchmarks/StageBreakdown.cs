using System.Diagnostics;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Where an uncached tile's time goes: median read, render and encode times over a fixed-seed list of distinct tiles
/// per reader, each stage timed on its own (<c>--stages</c>). The per-tile benchmarks give the totals; this splits them.
/// </summary>
internal static class StageBreakdown
{
    private const int Tiles = 300;
    private const int Warmup = 20;

    public static void Run(TextWriter output)
    {
        string[] formats = ["jpeg", "png", "webp"];
        output.WriteLine($"median ms over {Tiles} distinct tiles: reader | read | render | {string.Join(" | ", formats)}");
        foreach (var kind in Enum.GetValues<TileReaderKind>())
        {
            using var source = kind.Open();
            GdalBlockCacheFill.FillFor(kind);
            var tiles = TilePipeline.Pick(source, Tiles + Warmup, 7919 + (int)kind);
            var bands = source.GetBands(0);
            var read = new List<double>();
            var render = new List<double>();
            var encode = formats.ToDictionary(f => f, _ => new List<double>());
            for (var i = 0; i < tiles.Length; i++)
            {
                var (z, x, y) = tiles[i];
                var start = Stopwatch.GetTimestamp();
                var raster = source.ReadTile(z, x, y, ReadOptions.Default);
                var afterRead = Stopwatch.GetTimestamp();
                var rendered = DefaultRenderer.Render(raster, bands);
                var afterRender = Stopwatch.GetTimestamp();
                var encodeTimes = formats.Select(f =>
                {
                    var before = Stopwatch.GetTimestamp();
                    ImageEncoder.Encode(rendered, OutputFormat.Parse(f), Options.LargeImageDefaults.Quality);
                    return Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                }).ToArray();

                // Back to the pool as the endpoint does, or every render would time a fresh 256 KB allocation.
                raster.Release();
                rendered.Release();
                if (i < Warmup)
                {
                    continue;
                }

                read.Add(Stopwatch.GetElapsedTime(start, afterRead).TotalMilliseconds);
                render.Add(Stopwatch.GetElapsedTime(afterRead, afterRender).TotalMilliseconds);
                for (var f = 0; f < formats.Length; f++)
                {
                    encode[formats[f]].Add(encodeTimes[f]);
                }
            }

            output.WriteLine($"{kind} | {Median(read):0.00} | {Median(render):0.00} | {string.Join(" | ", formats.Select(f => Median(encode[f]).ToString("0.00")))}");
        }
    }

    /// <summary>The upper median, as BenchmarkDotNet's is not available outside its runs; sorts <paramref name="values"/>.</summary>
    public static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
