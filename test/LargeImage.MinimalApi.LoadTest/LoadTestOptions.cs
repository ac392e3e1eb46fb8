using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Command line: <c>--url http://127.0.0.1:PORT --pid SERVER_PID [--baseline-command COMMAND] [--rss-budget-mib Z]
/// [--peer-url http://127.0.0.1:PORT/iipsrv.fcgi --peer-pid PID]</c>; the command (run by bash) prints the in-process
/// baseline (<see cref="InProcessBaselineRun"/>); the peer is IIPImage (<see cref="IipImagePeer"/>) and its host's pid.
/// </summary>
internal sealed record LoadTestOptions(Uri Url, int ServerPid, string? BaselineCommand, double? RssBudgetMib, Uri? PeerUrl, int PeerPid)
{
    public static LoadTestOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double? Number(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        var url = Loopback("--url", Value("--url") ?? throw new ArgumentException("--url is required"));
        var peerUrl = Value("--peer-url") is { } peer ? Loopback("--peer-url", peer) : null;
        return new LoadTestOptions(
            url,
            int.Parse(Value("--pid") ?? throw new ArgumentException("--pid is required"), CultureInfo.InvariantCulture),
            Value("--baseline-command"),
            Number("--rss-budget-mib"),
            peerUrl,
            peerUrl is null ? 0 : int.Parse(Value("--peer-pid") ?? throw new ArgumentException("--peer-pid is required with --peer-url"), CultureInfo.InvariantCulture));
    }

    private static Uri Loopback(string name, string value)
    {
        var url = new Uri(value);

        // The test saturates its targets: it must never be pointed at a shared server.
        return url.IsLoopback ? url : throw new ArgumentException($"{name} must be a loopback address.");
    }
}
