using BenchmarkDotNet.Attributes;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Cached-tile throughput over HTTP against the same server returning a constant byte array. Each operation is a
/// batch of concurrent requests, as a map viewer sends them.
/// </summary>
[HttpBatchJob]
[MemoryDiagnoser]
public class CachedTileBenchmark
{
    private const int Concurrency = 64;

    private CachedTileServer server = null!;
    private HttpClient client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        server = await CachedTileServer.StartAsync();
        client = server.CreateClient();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task ConstantBytes() => Batch(CachedTileServer.ConstantPath);

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task CachedTile() => Batch(CachedTileServer.TilePath);

    private async Task Batch(string path)
    {
        var requests = new Task[Concurrency];
        for (var i = 0; i < requests.Length; i++)
        {
            requests[i] = Get(path);
        }

        await Task.WhenAll(requests);
    }

    private async Task Get(string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
    }
}
