using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Where a dataset lies: its affine geotransform (fitted from GCPs for GCP-only files, as large_image does), its
/// CRS, and the bounds derived from them. Captured once at open; immutable, so shared freely between threads.
/// </summary>
internal sealed class GdalGeoreference
{
    private const string Wgs84 = "EPSG:4326";

    private GdalGeoreference(double[] geoTransform, string wkt, bool fromGcps, bool assumedWgs84, int width, int height)
    {
        GeoTransform = geoTransform;
        Wkt = wkt;
        FromGcps = fromGcps;
        AssumedWgs84 = assumedWgs84;
        using var srs = Interop.Gdal.SrsFromWkt(wkt);
        IsGeographic = Interop.Gdal.IsGeographic(srs);
        MetresPerUnit = Interop.Gdal.IsProjected(srs) ? Interop.Gdal.GetLinearUnits(srs) : null;
        Authority = Interop.Gdal.GetAuthorityCode(srs);
        SrsName = Authority ?? TryProj4(srs) ?? wkt;
        SourceBounds = CornerBounds(width, height);
        Bounds = Transform(SourceBounds, Wgs84);
        PixelSizeInMeters = PixelSize(Bounds, width, height);
    }

    /// <summary>The six affine coefficients (pixel → CRS).</summary>
    public IReadOnlyList<double> GeoTransform { get; }

    /// <summary>The dataset's CRS as WKT (EPSG:4326 when it has a geotransform but no CRS, as large_image assumes).</summary>
    public string Wkt { get; }

    /// <summary>Whether the georeferencing comes from ground control points.</summary>
    public bool FromGcps { get; }

    /// <summary>Whether the dataset has a geotransform but no CRS, so WGS84 is assumed (and must be told to gdalwarp).</summary>
    public bool AssumedWgs84 { get; }

    public bool IsGeographic { get; }

    /// <summary>Metres per CRS unit for a projected CRS; null for geographic ones.</summary>
    public double? MetresPerUnit { get; }

    /// <summary><c>AUTHORITY:CODE</c> of the CRS, when it has one.</summary>
    public string? Authority { get; }

    /// <summary>The CRS as reported in bounds: <c>EPSG:n</c>, else a PROJ string, else WKT.</summary>
    public string SrsName { get; }

    /// <summary>Corners in the dataset's CRS.</summary>
    public GeoBounds SourceBounds { get; }

    /// <summary>Corners in WGS84, longitude as x.</summary>
    public GeoBounds Bounds { get; }

    /// <summary>Mean ground size of a pixel along the image's edges (large_image's <c>getPixelSizeInMeters</c>).</summary>
    public double PixelSizeInMeters { get; }

    /// <summary>Reads the georeferencing of a dataset, or null when it has none (a plain image).</summary>
    public static GdalGeoreference? Read(GdalDatasetHandle dataset)
    {
        var width = Interop.Gdal.GetRasterXSize(dataset);
        var height = Interop.Gdal.GetRasterYSize(dataset);
        var gt = new double[6];
        var gcpWkt = Interop.Gdal.GetGcpProjection(dataset);
        if (gcpWkt.Length > 0 && Interop.Gdal.TryGcpsToGeoTransform(dataset, gt))
        {
            return new GdalGeoreference(gt, gcpWkt, true, false, width, height);
        }

        var hasTransform = Interop.Gdal.TryGetGeoTransform(dataset, gt);
        var wkt = Interop.Gdal.GetProjectionRef(dataset);
        if (!hasTransform)
        {
            return null;
        }

        var assumed = wkt.Length == 0;
        if (assumed)
        {
            using var wgs84 = Interop.Gdal.SrsFromEpsg(4326);
            wkt = Interop.Gdal.ExportToWkt(wgs84);
        }

        return new GdalGeoreference(gt, wkt, false, assumed, width, height);
    }

    /// <summary>Converts a CRS coordinate to a (fractional) pixel coordinate through the inverse geotransform.</summary>
    public (double X, double Y) ToPixel(double x, double y)
    {
        var gt = GeoTransform;
        var d = (gt[2] * gt[4]) - (gt[1] * gt[5]);
        return (
            ((gt[0] * gt[5]) - (gt[2] * gt[3]) - (gt[5] * x) + (gt[2] * y)) / d,
            ((gt[1] * gt[3]) - (gt[0] * gt[4]) + (gt[4] * x) - (gt[1] * y)) / d);
    }

    /// <summary>The source bounds transformed to another CRS (corner by corner, as large_image does).</summary>
    public GeoBounds Transform(GeoBounds source, string targetSrs)
    {
        var corners = new[] { source.LowerLeft, source.UpperLeft, source.LowerRight, source.UpperRight };
        if (IsGeographic)
        {
            // Latitude ±90 has no image in most projected CRSs (web-mercator), so only WGS84 keeps the poles.
            corners = ClampGeographic(corners, targetSrs == Wgs84 ? 90 : 89.999999);
        }

        using var from = Interop.Gdal.SrsFromWkt(Wkt);
        using var to = Interop.Gdal.SrsFromUserInput(targetSrs);
        using var transformation = Interop.Gdal.NewCoordinateTransformation(from, to);
        Span<double> x = [corners[0].X, corners[1].X, corners[2].X, corners[3].X];
        Span<double> y = [corners[0].Y, corners[1].Y, corners[2].Y, corners[3].Y];
        Span<int> ok = stackalloc int[4];
        Interop.Gdal.Transform(transformation, x, y, ok);
        return Envelope(
            new GeoPoint(x[0], y[0]), new GeoPoint(x[1], y[1]), new GeoPoint(x[2], y[2]), new GeoPoint(x[3], y[3]), targetSrs);
    }

    /// <summary>
    /// The envelope of the image's outline in another CRS, sampling each edge at <paramref name="pointsPerEdge"/>
    /// points: a reprojected edge bulges, so the corners alone can miss part of the image. Points that do not
    /// transform are left out; null when none does.
    /// </summary>
    public (double XMin, double YMin, double XMax, double YMax)? OutlineEnvelope(string targetSrs, int width, int height, int pointsPerEdge = 21)
    {
        var count = pointsPerEdge * 4;
        var x = new double[count];
        var y = new double[count];
        var gt = GeoTransform;
        for (var i = 0; i < pointsPerEdge; i++)
        {
            var t = (double)i / (pointsPerEdge - 1);
            (double Px, double Py)[] edge = [(t * width, 0), (t * width, height), (0, t * height), (width, t * height)];
            for (var e = 0; e < 4; e++)
            {
                var (px, py) = edge[e];
                x[(e * pointsPerEdge) + i] = gt[0] + (px * gt[1]) + (py * gt[2]);
                y[(e * pointsPerEdge) + i] = gt[3] + (px * gt[4]) + (py * gt[5]);
                if (IsGeographic)
                {
                    y[(e * pointsPerEdge) + i] = Math.Clamp(y[(e * pointsPerEdge) + i], -89.999999, 89.999999);
                }
            }
        }

        using var from = Interop.Gdal.SrsFromWkt(Wkt);
        using var to = Interop.Gdal.SrsFromUserInput(targetSrs);
        using var transformation = Interop.Gdal.NewCoordinateTransformation(from, to);
        var ok = new int[count];
        Interop.Gdal.Transform(transformation, x, y, ok);
        var valid = Enumerable.Range(0, count).Where(i => ok[i] != 0 && double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        return valid.Length == 0
            ? null
            : (valid.Min(i => x[i]), valid.Min(i => y[i]), valid.Max(i => x[i]), valid.Max(i => y[i]));
    }

    private static GeoPoint[] ClampGeographic(GeoPoint[] corners, double maxLatitude)
    {
        var clamped = corners.Select(c => c with { Y = Math.Clamp(c.Y, -maxLatitude, maxLatitude) }).ToArray();
        var shift = 0.0;
        while (clamped.Any(c => c.X + shift > 180))
        {
            shift -= 360;
        }

        while (clamped.Any(c => c.X + shift < -180))
        {
            shift += 360;
        }

        clamped = clamped.Select(c => c with { X = c.X + shift }).ToArray();
        if (clamped.Any(c => c.X >= 180))
        {
            // Corner order is ll, ul, lr, ur: a raster reaching the antimeridian spans the whole world.
            clamped[0] = clamped[0] with { X = -180 };
            clamped[1] = clamped[1] with { X = -180 };
            clamped[2] = clamped[2] with { X = 180 };
            clamped[3] = clamped[3] with { X = 180 };
        }

        return clamped;
    }

    private static GeoBounds Envelope(GeoPoint ll, GeoPoint ul, GeoPoint lr, GeoPoint ur, string srs)
    {
        GeoPoint[] all = [ll, ul, lr, ur];
        return new GeoBounds
        {
            LowerLeft = ll,
            UpperLeft = ul,
            LowerRight = lr,
            UpperRight = ur,
            XMin = all.Min(p => p.X),
            XMax = all.Max(p => p.X),
            YMin = all.Min(p => p.Y),
            YMax = all.Max(p => p.Y),
            Srs = srs,
        };
    }

    private static double PixelSize(GeoBounds b, int width, int height)
    {
        var edges =
            Geodesic.Distance(b.UpperLeft.X, b.UpperLeft.Y, b.UpperRight.X, b.UpperRight.Y) +
            Geodesic.Distance(b.UpperRight.X, b.UpperRight.Y, b.LowerRight.X, b.LowerRight.Y) +
            Geodesic.Distance(b.LowerRight.X, b.LowerRight.Y, b.LowerLeft.X, b.LowerLeft.Y) +
            Geodesic.Distance(b.LowerLeft.X, b.LowerLeft.Y, b.UpperLeft.X, b.UpperLeft.Y);
        return edges / ((2.0 * width) + (2.0 * height));
    }

    private static string? TryProj4(OgrSpatialReferenceHandle srs)
    {
        try
        {
            return Interop.Gdal.ExportToProj4(srs).Trim();
        }
        catch (NativeLibraryException)
        {
            return null;
        }
    }

    private GeoBounds CornerBounds(int width, int height)
    {
        var gt = GeoTransform;
        return Envelope(
            new GeoPoint(gt[0] + (height * gt[2]), gt[3] + (height * gt[5])),
            new GeoPoint(gt[0], gt[3]),
            new GeoPoint(gt[0] + (width * gt[1]) + (height * gt[2]), gt[3] + (width * gt[4]) + (height * gt[5])),
            new GeoPoint(gt[0] + (width * gt[1]), gt[3] + (width * gt[4])),
            SrsName);
    }
}
