using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Running;
using LargeImage.MinimalApi.Benchmarks;

// Checked rather than set: glibc reads its malloc settings at process start.
if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null)
{
    Console.WriteLine("Note: measuring without the tile-server settings; `source example/server-env.sh` first to measure what a server runs.");
}

if (args.Contains("--baseline"))
{
    InProcessBaseline.Run(Console.Out);
    return 0;
}

if (args.Contains("--stages"))
{
    StageBreakdown.Run(Console.Out);
    return 0;
}

// Each class carries its own job; without --filter every benchmark runs (BenchmarkDotNet would otherwise ask).
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median, StatisticColumn.P90)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CachedTileBenchmark).Assembly)
    .Run(args.Contains("--filter") ? args : [.. args, "--filter", "*"], config)
    .ToArray();

Statistics? Find(string type, string method) => summaries.SelectMany(s => s.Reports)
    .FirstOrDefault(r => r.BenchmarkCase.Descriptor.Type.Name == type && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
    ?.ResultStatistics;

if (Find(nameof(CachedTileBenchmark), nameof(CachedTileBenchmark.ConstantBytes)) is { } constant
    && Find(nameof(CachedTileBenchmark), nameof(CachedTileBenchmark.CachedTile)) is { } tile)
{
    // Throughput is the inverse of time per request.
    var ratio = constant.Mean / tile.Mean;
    Console.WriteLine($"Cached-tile throughput / constant-bytes throughput: {ratio:0.00} (target >= 0.80)");
    return ratio >= 0.8 ? 0 : 1;
}

return 0;
