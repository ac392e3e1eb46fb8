namespace LargeImage.MinimalApi.LoadTest;

/// <summary>What one scenario measured: completed requests, wall time, per-request latencies, failures and CPU use.</summary>
internal sealed record LoadResult(
    string Name, int Concurrency, int Requests, int Errors, TimeSpan Elapsed, double[] LatenciesMs, long Bytes, CpuUse Cpu)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Server CPU time per completed request.</summary>
    public double ServerCpuMsPerRequest => Requests == 0 ? double.NaN : Cpu.Server.TotalMilliseconds / Requests;

    /// <summary>Cores the load generator kept busy: what the server could not use.</summary>
    public double ClientCores => Cpu.Client / Elapsed;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        // Nearest rank on the sorted latencies.
        var rank = (int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }

    public static string Header =>
        $"{"scenario",-34} {"conc",4} {"requests",8} {"errors",6} {"tiles/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"avg B",7} {"srv CPU ms",10} {"client cores",12}";

    public override string ToString() =>
        $"{Name,-34} {Concurrency,4} {Requests,8} {Errors,6} {PerSecond,9:0} {Percentile(50),8:0.00} {Percentile(90),8:0.00} {Percentile(99),8:0.00} {(Requests == 0 ? 0 : Bytes / Requests),7} {ServerCpuMsPerRequest,10:0.00} {ClientCores,12:0.00}";
}
