using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Command line: <c>--url http://127.0.0.1:PORT --pid SERVER_PID [--baseline-command COMMAND] [--rss-budget-mib Z]
/// [--iipimage-url http://127.0.0.1:PORT/iipsrv.fcgi] [--mapserver-url http://127.0.0.1:PORT/mapserv] [--peers-pid PID]</c>;
/// the command (run by bash) prints the in-process baseline (<see cref="InProcessBaselineRun"/>); the peers
/// (<see cref="PeerServer"/>) run under the web server whose pid is given.
/// </summary>
internal sealed record LoadTestOptions(
    Uri Url, int ServerPid, string? BaselineCommand, double? RssBudgetMib, Uri? IipImageUrl, Uri? MapServerUrl, int PeersPid)
{
    public static LoadTestOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        double? Number(string name) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        var url = Loopback("--url", Value("--url") ?? throw new ArgumentException("--url is required"));
        Uri? Peer(string name) => Value(name) is { } peer ? Loopback(name, peer) : null;
        var (iipImage, mapServer) = (Peer("--iipimage-url"), Peer("--mapserver-url"));
        return new LoadTestOptions(
            url,
            int.Parse(Value("--pid") ?? throw new ArgumentException("--pid is required"), CultureInfo.InvariantCulture),
            Value("--baseline-command"),
            Number("--rss-budget-mib"),
            iipImage,
            mapServer,
            iipImage is null && mapServer is null
                ? 0
                : int.Parse(Value("--peers-pid") ?? throw new ArgumentException("--peers-pid is required with a peer's url"), CultureInfo.InvariantCulture));
    }

    private static Uri Loopback(string name, string value)
    {
        var url = new Uri(value);

        // The test saturates its targets: it must never be pointed at a shared server.
        return url.IsLoopback ? url : throw new ArgumentException($"{name} must be a loopback address.");
    }
}
