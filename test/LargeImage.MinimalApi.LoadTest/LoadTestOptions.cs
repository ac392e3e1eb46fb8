using System.Globalization;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Command line: <c>--url http://127.0.0.1:PORT --pid SERVER_PID [--native-tile-ms X] [--native-cores-tiles-per-s T]
/// [--stored-tile-ms S] [--stored-cores-tiles-per-s V] [--mercator-tile-ms Y] [--mercator-cores-tiles-per-s U]
/// [--rss-budget-mib Z]</c>; the tile figures are the in-process baseline (per-tile median on one thread, tiles/s with
/// every core reading) of re-encoded JPEG tiles, stored JPEG tiles and EPSG:3857 PNG tiles.
/// </summary>
internal sealed record LoadTestOptions(
    Uri Url,
    int ServerPid,
    double? NativeTileMs,
    double? NativeCoresTilesPerSecond,
    double? StoredTileMs,
    double? StoredCoresTilesPerSecond,
    double? MercatorTileMs,
    double? MercatorCoresTilesPerSecond,
    double? RssBudgetMib)
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
            Number("--native-tile-ms"),
            Number("--native-cores-tiles-per-s"),
            Number("--stored-tile-ms"),
            Number("--stored-cores-tiles-per-s"),
            Number("--mercator-tile-ms"),
            Number("--mercator-cores-tiles-per-s"),
            Number("--rss-budget-mib"));
    }
}
