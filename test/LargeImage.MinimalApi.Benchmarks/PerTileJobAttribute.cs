using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// One tile per measured iteration, so the Median and P90 columns are per-tile latencies rather than means of
/// batches, as a server's percentiles are. A few hundred tiles per case keeps the whole run within minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerTileJobAttribute() : JobConfigBaseAttribute(Job.Dry
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(20)
    .WithIterationCount(300)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("PerTile"));
