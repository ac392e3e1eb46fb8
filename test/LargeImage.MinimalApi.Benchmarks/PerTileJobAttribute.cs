using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// One tile per measured iteration, so the Median and P90 columns are per-tile latencies rather than means of
/// batches, as a server's percentiles are. A few hundred tiles per case keeps the whole run within minutes. No forced
/// collection between iterations: after a full GC per tile, the next tile's buffers land on decommitted pages and pay
/// page faults no server pays (it measured a third slower).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PerTileJobAttribute() : JobConfigBaseAttribute(Job.Dry
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(100)
    .WithIterationCount(300)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    .WithGcForce(false)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("PerTile"));
