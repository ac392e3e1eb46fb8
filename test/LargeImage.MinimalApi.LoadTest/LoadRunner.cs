using System.Collections.Concurrent;
using System.Diagnostics;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Sends a list of requests with a fixed number of concurrent workers (each like a viewer's connection) and times
/// each one from send to last body byte. Stops at the end of the list or at the time limit, whichever is first. Also
/// records the CPU time the server and this client used meanwhile: they share the machine's cores.
/// </summary>
internal sealed class LoadRunner(Uri url, int serverPid)
{
    /// <summary>ETags seen per path by runs that keep them, so a later scenario can revalidate exactly what they fetched.</summary>
    public ConcurrentDictionary<string, string> ETags { get; } = new();

    /// <param name="keepETags">
    /// Whether to keep each response's ETag in <see cref="ETags"/>; off in measured runs, where the work would be the
    /// load generator's, on the cores the server needs.
    /// </param>
    public async Task<LoadResult> RunAsync(string name, IReadOnlyList<LoadRequest> requests, int concurrency, TimeSpan limit, bool keepETags = false)
    {
        var latencies = new double[requests.Count];
        var next = -1;
        var completed = 0;
        var errors = 0;
        long bytes = 0;
        var serverCpu = ProcessStats.CpuTime(serverPid);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var deadline = Stopwatch.StartNew();
        // A request still unanswered a minute after the scenario's limit counts as an error instead of hanging the run.
        using var abandon = new CancellationTokenSource(limit + TimeSpan.FromMinutes(1));

        async Task Worker()
        {
            using var connection = new LoadConnection(url);
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Count && deadline.Elapsed < limit)
            {
                var request = requests[i];
                var started = Stopwatch.GetTimestamp();
                var response = await connection.GetAsync(request, keepETags, abandon.Token);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Add(ref bytes, response.BodyBytes);
                if (response.Status != request.ExpectedStatus)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (response.ETag is { } tag)
                {
                    ETags[request.Path] = tag;
                }

                Interlocked.Increment(ref completed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = deadline.Elapsed;
        var cpu = new CpuUse(ProcessStats.CpuTime(serverPid) - serverCpu, Process.GetCurrentProcess().TotalProcessorTime - clientCpu);
        var measured = latencies.Take(Math.Min(requests.Count, next)).Where(l => l > 0).Order().ToArray();
        return new LoadResult(name, concurrency, completed, errors, elapsed, measured, bytes, cpu);
    }
}
