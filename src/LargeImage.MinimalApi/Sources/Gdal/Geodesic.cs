namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Distances on the WGS84 ellipsoid, as pyproj's <c>Geod(ellps='WGS84').inv</c> gives them to large_image when it
/// derives a ground resolution (and from that the number of web-mercator levels).
/// </summary>
internal static class Geodesic
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    /// <summary>
    /// Vincenty's inverse formula (sub-millimetre on the ellipsoid); for the nearly antipodal points where it does
    /// not converge, the great-circle distance, as large_image itself falls back to.
    /// </summary>
    public static double Distance(double lon1, double lat1, double lon2, double lat2)
    {
        var l = ToRadians(lon2 - lon1);
        var u1 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat1)));
        var u2 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat2)));
        var (sinU1, cosU1) = Math.SinCos(u1);
        var (sinU2, cosU2) = Math.SinCos(u2);
        var lambda = l;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var (sinLambda, cosLambda) = Math.SinCos(lambda);
            var sinSigma = Math.Sqrt(
                Math.Pow(cosU2 * sinLambda, 2) + Math.Pow((cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda), 2));
            if (sinSigma == 0)
            {
                return 0;
            }

            var cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            var sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            var cosSqAlpha = 1 - (sinAlpha * sinAlpha);
            var cos2SigmaM = cosSqAlpha != 0 ? cosSigma - (2 * sinU1 * sinU2 / cosSqAlpha) : 0;
            var c = F / 16 * cosSqAlpha * (4 + (F * (4 - (3 * cosSqAlpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * F * sinAlpha *
                (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                var uSq = cosSqAlpha * ((A * A) - (B * B)) / (B * B);
                var bigA = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
                var bigB = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));
                var deltaSigma = bigB * sinSigma * (cos2SigmaM + (bigB / 4 * (
                    (cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM))) -
                    (bigB / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
                return B * bigA * (sigma - deltaSigma);
            }
        }

        return GreatCircle(lon1, lat1, lon2, lat2);
    }

    private static double GreatCircle(double lon1, double lat1, double lon2, double lat2)
    {
        var (p1, p2) = (ToRadians(lat1), ToRadians(lat2));
        var cos = (Math.Sin(p1) * Math.Sin(p2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Cos(ToRadians(lon1 - lon2)));
        return 6.378e6 * Math.Acos(Math.Clamp(cos, -1, 1));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
