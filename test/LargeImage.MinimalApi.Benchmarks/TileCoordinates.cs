namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// Fixed-seed lists of distinct tiles that lie wholly inside an image, over its three most detailed zoom levels (most
/// of a viewer's requests, and the levels whose reads are not served from one small overview). Plain numbers in and
/// out, so the HTTP load test picks its tiles the same way as the in-process benchmarks.
/// </summary>
internal static class TileCoordinates
{
    private const int Bands = 3;

    /// <param name="levels">Zoom levels of the opened grid.</param>
    /// <param name="sizeX">Full-resolution width in pixels (native grid).</param>
    /// <param name="sizeY">Full-resolution height in pixels (native grid).</param>
    /// <param name="tileSize">Tile edge in pixels.</param>
    /// <param name="wgs84">West, south, east, north of the image for a web-mercator grid; null for the native grid.</param>
    /// <param name="count">Tiles wanted; fewer come back when the bands hold fewer.</param>
    /// <param name="seed">Seed of the pick.</param>
    /// <param name="viewports">
    /// Whether each random pick is the top-left tile of a 4 × 3 viewport whose tiles follow it, as a 1024 × 768 viewer
    /// asks for them (neighbours share the reader's decoded blocks), rather than a lone tile (they rarely do).
    /// </param>
    public static (int Z, int X, int Y)[] Pick(
        int levels, long sizeX, long sizeY, int tileSize, (double West, double South, double East, double North)? wgs84, int count, int seed,
        bool viewports = false)
    {
        var (across, down) = viewports ? (4, 3) : (1, 1);
        var random = new Random(seed);
        var ranges = Enumerable.Range(0, Bands).Select(band => levels - 1 - band).Where(z => z >= 0).Select(z => (Z: z, Range: wgs84 is { } b
            ? MercatorRange(b.West, b.South, b.East, b.North, z)
            : PixelRange(sizeX, sizeY, tileSize, levels - 1 - z))).ToArray();
        var available = ranges.Sum(r => (long)(r.Range.XMax - r.Range.XMin + 1) * (r.Range.YMax - r.Range.YMin + 1));
        var picks = new List<(int Z, int X, int Y)>();
        var seen = new HashSet<(int, int, int)>();
        for (var i = 0; picks.Count < Math.Min(count, available); i++)
        {
            var (z, (xMin, yMin, xMax, yMax)) = ranges[i % ranges.Length];
            var (left, top) = (random.Next(xMin, xMax + 1), random.Next(yMin, yMax + 1));
            for (var y = top; y < top + down && y <= yMax; y++)
            {
                for (var x = left; x < left + across && x <= xMax && picks.Count < count; x++)
                {
                    if (seen.Add((z, x, y)))
                    {
                        picks.Add((z, x, y));
                    }
                }
            }
        }

        return [.. picks];
    }

    private static (int XMin, int YMin, int XMax, int YMax) PixelRange(long width, long height, int tileSize, int reduction)
    {
        var scaled = (long)tileSize << reduction;
        // Whole tiles only: an edge tile is partly empty and cheaper than the tiles a viewer mostly asks for.
        return (0, 0, (int)Math.Max(0, (width / scaled) - 1), (int)Math.Max(0, (height / scaled) - 1));
    }

    private static (int XMin, int YMin, int XMax, int YMax) MercatorRange(double west, double south, double east, double north, int z)
    {
        var n = 1 << z;
        // Strictly inside the WGS84 envelope: shrink by one on every side, since the image outline is not a rectangle there.
        var xMin = (int)Math.Floor((west + 180) / 360 * n) + 1;
        var xMax = (int)Math.Floor((east + 180) / 360 * n) - 1;
        var yMin = LatitudeToRow(north, n) + 1;
        var yMax = LatitudeToRow(south, n) - 1;
        return (xMin, yMin, Math.Max(xMin, xMax), Math.Max(yMin, yMax));
    }

    private static int LatitudeToRow(double latitude, int n)
    {
        var radians = latitude * Math.PI / 180;
        return (int)Math.Floor((1 - (Math.Log(Math.Tan(radians) + (1 / Math.Cos(radians))) / Math.PI)) / 2 * n);
    }
}
