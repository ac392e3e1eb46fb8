namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// The overview level <c>gdalwarp -ovr AUTO</c> warps a target extent from, found by gdalwarp's rule so that a warp from
/// that level with <c>-ovr NONE</c> gives the same pixels. gdalwarp wraps the level it picks in a new dataset on every
/// call, and that wrapper's blocks are decoded again on every call (a z12 tile of the benchmark COG took 23 ms each
/// time, 3.7 ms from a kept handle of the same overview), so <see cref="GdalTileSource"/> picks the level itself and
/// warps from a pooled handle of it, chosen by where in the level the extent's centre falls.
/// </summary>
internal static class GdalWarpOverview
{
    // gdalwarp measures the target in source pixels at a 10 × 10 grid of target pixel positions.
    private const int PointsPerSide = 10;

    // gdalwarp takes a level whose reduction is within this of the target's.
    private const double Tolerance = 0.1;

    /// <summary>
    /// The 0-based overview level to warp from (-1 for full resolution), and the source pixel under the extent's centre.
    /// </summary>
    /// <param name="source">The georeferencing of the full-resolution image (from a geotransform, not GCPs).</param>
    /// <param name="targetSrs">The CRS of the extent.</param>
    /// <param name="extent">The target extent in <paramref name="targetSrs"/> units.</param>
    /// <param name="outWidth">Target width in pixels.</param>
    /// <param name="outHeight">Target height in pixels.</param>
    /// <param name="sourceWidth">Full-resolution width in pixels.</param>
    /// <param name="overviewWidths">The overviews' widths, finest first, as band 1 lists them.</param>
    public static GdalWarpChoice Choose(
        GdalGeoreference source,
        string targetSrs,
        (double XMin, double YMin, double XMax, double YMax) extent,
        int outWidth,
        int outHeight,
        int sourceWidth,
        IReadOnlyList<int> overviewWidths)
    {
        var (reduction, centre) = Measure(source, targetSrs, extent, outWidth, outHeight);
        var level = -1;
        if (overviewWidths.Count > 0 && reduction > 1)
        {
            for (; level < overviewWidths.Count - 1; level++)
            {
                var here = level < 0 ? 1.0 : (double)sourceWidth / overviewWidths[level];
                var next = (double)sourceWidth / overviewWidths[level + 1];
                if ((here < reduction && next > reduction) || Math.Abs(here - reduction) < Tolerance)
                {
                    break;
                }
            }
        }

        return new GdalWarpChoice(level, centre.X, centre.Y);
    }

    /// <summary>Source columns per target column, and the source pixel under the extent's centre, in one transformation.</summary>
    private static (double Reduction, (double X, double Y) Centre) Measure(
        GdalGeoreference source, string targetSrs, (double XMin, double YMin, double XMax, double YMax) extent, int outWidth, int outHeight)
    {
        var (columnSize, rowSize) = ((extent.XMax - extent.XMin) / outWidth, (extent.YMax - extent.YMin) / outHeight);
        var points = new (double X, double Y)[(PointsPerSide * PointsPerSide) + 1];
        for (var i = 0; i < PointsPerSide; i++)
        {
            for (var j = 0; j < PointsPerSide; j++)
            {
                points[(i * PointsPerSide) + j] = (
                    extent.XMin + (outWidth * (double)i / (PointsPerSide - 1) * columnSize),
                    extent.YMax - (outHeight * (double)j / (PointsPerSide - 1) * rowSize));
            }
        }

        points[^1] = ((extent.XMin + extent.XMax) / 2, (extent.YMin + extent.YMax) / 2);

        // Points that do not transform come back as NaN and are left out, as gdalwarp leaves out failed points.
        var pixels = GdalPixelLocator.ToPixels(source, null, 0, targetSrs, points);
        var columns = pixels.Take(PointsPerSide * PointsPerSide).Select(p => p.X).Where(double.IsFinite).ToArray();
        return (columns.Length > 0 ? (columns.Max() - columns.Min()) / outWidth : 0, pixels[^1]);
    }
}
