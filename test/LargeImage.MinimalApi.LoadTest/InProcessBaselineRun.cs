using System.Diagnostics;
using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Runs the in-process baseline (<c>LargeImage.MinimalApi.Benchmarks --baseline</c>) as a process of its own, while the
/// server idles, and reads its <c>name median-ms=… tiles-per-s=…</c> lines. The load test runs it just before and just
/// after the uncached scenarios: on a shared machine the per-tile cost drifts by more than the gaps being measured, and
/// a baseline taken minutes away, before the server started, set the ratios more than the server did.
/// </summary>
internal static class InProcessBaselineRun
{
    public static async Task<Dictionary<string, BaselineFigure>> RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("The baseline did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The baseline exited with {process.ExitCode}: {output}");
        }

        var figures = new Dictionary<string, BaselineFigure>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ');
            var values = fields.Skip(1).Select(f => f.Split('=')).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
            if (values.TryGetValue("median-ms", out var median) && values.TryGetValue("tiles-per-s", out var perSecond))
            {
                figures[fields[0]] = new BaselineFigure(
                    double.Parse(median, CultureInfo.InvariantCulture), double.Parse(perSecond, CultureInfo.InvariantCulture));
            }
        }

        return figures;
    }
}
