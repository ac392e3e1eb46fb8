using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Command line: <c>--url http://127.0.0.1:PORT --pid SERVER_PID [--baseline-command COMMAND] [--rss-budget-mib Z]</c>;
/// the command (run by bash) prints the in-process baseline (<see cref="InProcessBaselineRun"/>).
/// </summary>
internal sealed record LoadTestOptions(Uri Url, int ServerPid, string? BaselineCommand, double? RssBudgetMib)
{
    public static LoadTestOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double? Number(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        var url = new Uri(Value("--url") ?? throw new ArgumentException("--url is required"));
        if (!url.IsLoopback)
        {
            // The test saturates its target: it must never be pointed at a shared server.
            throw new ArgumentException("--url must be a loopback address.");
        }

        return new LoadTestOptions(
            url,
            int.Parse(Value("--pid") ?? throw new ArgumentException("--pid is required"), CultureInfo.InvariantCulture),
            Value("--baseline-command"),
            Number("--rss-budget-mib"));
    }
}
