namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// The uncached tiles the load test measures, defined once so that the in-process baseline it divides by times the
/// same tiles: <see cref="TileCoordinates.Pick"/> draws round the three most detailed levels, and as a list grows the
/// coarsest level (a sixteenth of the finest's tiles) runs out, so another part of a list, or another seed, is another
/// mix of levels: the baseline's own draw, a third of each level, timed 1–15% cheaper than the measured JPEG tiles.
/// </summary>
internal static class LoadTestTiles
{
    /// <summary>The first tiles of each list, requested (or read) before the measured ones and not measured.</summary>
    public const int Warmup = 1000;

    /// <summary>Measured tiles of the 32768² pyramid, re-encoded and as stored.</summary>
    public const int Native = 3000;

    /// <summary>Measured EPSG:3857 tiles of the UTM COG.</summary>
    public const int Mercator = 2000;

    public const int NativeSeed = 1;

    public const int MercatorSeed = 2;
}
