namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// What a georeferenced tile source adds for the data endpoints: coordinates in any CRS, and GeoTIFF output of a
/// window with its georeferencing. Implemented by readers that know a CRS (GDAL); the endpoints ask for it with a
/// type test, so other readers need not know it exists.
/// </summary>
internal interface IGeoreferencedSource
{
    /// <summary>Whether the opened image really is georeferenced (a GDAL-read photo is not).</summary>
    bool IsGeoreferenced { get; }

    /// <summary>Converts points given in <paramref name="crs"/> (e.g. <c>EPSG:4326</c>) to full-resolution pixels of the opened grid.</summary>
    /// <exception cref="Errors.InvalidParameterException">The CRS is unknown (parameter <c>units</c>).</exception>
    IReadOnlyList<(double X, double Y)> ToPixels(string crs, IReadOnlyList<(double X, double Y)> points);

    /// <summary>
    /// Writes a window of the opened grid to <paramref name="destination"/> as a Cloud Optimized GeoTIFF with the
    /// window's georeferencing: the raw samples (type, band count, no-data kept) when <paramref name="rendered"/> is
    /// null, else those RGBA pixels.
    /// </summary>
    void WriteGeoTiff(string destination, PixelWindow window, int width, int height, ReadOptions options, Rendering.RgbaImage? rendered);
}
