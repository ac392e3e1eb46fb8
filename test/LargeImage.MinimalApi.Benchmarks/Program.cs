using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LargeImage.MinimalApi.Benchmarks;

// In-process: the server and the client share the machine either way, and there is no second build to wait for.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<CachedTileBenchmark>(config, args);

double? Mean(string method) => summary.Reports
    .FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean;

if (Mean(nameof(CachedTileBenchmark.ConstantBytes)) is { } constant && Mean(nameof(CachedTileBenchmark.CachedTile)) is { } tile)
{
    // Throughput is the inverse of time per request.
    Console.WriteLine($"Cached-tile throughput / constant-bytes throughput: {constant / tile:0.00} (target >= 0.80)");
    return constant / tile >= 0.8 ? 0 : 1;
}

Console.WriteLine("The benchmark did not produce both results.");
return 2;
