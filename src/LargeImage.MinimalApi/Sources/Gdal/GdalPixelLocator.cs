using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Converts points given in any CRS to full-resolution pixels of a GDAL source's opened grid: through the source's
/// CRS and inverse geotransform in the native grid, or through the grid's projection and its tile layout in a
/// projected grid. Points that do not transform come back as NaN.
/// </summary>
internal static class GdalPixelLocator
{
    /// <exception cref="Errors.InvalidParameterException">The CRS is unknown (parameter <c>units</c>).</exception>
    public static IReadOnlyList<(double X, double Y)> ToPixels(
        GdalGeoreference georeference, ProjectedGrid? grid, int levels, string crs, IReadOnlyList<(double X, double Y)> points)
    {
        var (from, _) = SpatialReferenceParser.Parse(crs, "units");
        using (from)
        using (var to = grid is null ? Interop.Gdal.SrsFromWkt(georeference.Wkt) : Interop.Gdal.SrsFromUserInput(grid.Name))
        using (var transformation = Interop.Gdal.NewCoordinateTransformation(from, to))
        {
            var x = points.Select(p => p.X).ToArray();
            var y = points.Select(p => p.Y).ToArray();
            var ok = new int[points.Count];
            Interop.Gdal.Transform(transformation, x, y, ok);
            var pixels = new (double X, double Y)[points.Count];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = ok[i] == 0 || !double.IsFinite(x[i]) || !double.IsFinite(y[i])
                    ? (double.NaN, double.NaN)
                    : grid is null ? georeference.ToPixel(x[i], y[i]) : grid.ProjectedToPixel(x[i], y[i], levels);
            }

            return pixels;
        }
    }
}
