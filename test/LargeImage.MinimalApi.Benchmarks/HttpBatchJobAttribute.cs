using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Batches of HTTP requests: more iterations than a short run, since the ratio of two noisy throughputs is what is
/// reported. In-process: the server and the client share the machine either way, and there is no second build.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HttpBatchJobAttribute() : JobConfigBaseAttribute(Job.Default
    .WithWarmupCount(5)
    .WithIterationCount(20)
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithId("HttpBatch"));
