using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// The tile grid of a projection, as large_image lays it out: level 0 is one tile spanning
/// <see cref="UnitsAcrossLevel0"/> (the projected width of the equator) centred on the projection's origin, and
/// each level doubles it. For EPSG:3857 this is exactly the standard XYZ web-mercator grid.
/// </summary>
internal sealed partial record ProjectedGrid(string Name, double UnitsAcrossLevel0, int TileSize)
{
    private const int MaxCached = 100;
    private static readonly ConcurrentDictionary<string, ProjectedGrid> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Parses <c>EPSG:n</c> (also <c>epsg:n</c>, <c>+init=epsg:n</c>, <c>proj4:</c>-prefixed) or a <c>+proj=</c>
    /// string. Only those two forms reach GDAL, because its generic parser would also open files and URLs.
    /// </summary>
    /// <exception cref="InvalidParameterException">Unknown, malformed or geographic projection.</exception>
    public static ProjectedGrid Parse(string projection, int tileSize)
    {
        var text = projection.Trim();
        if (text.StartsWith("proj4:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["proj4:".Length..].Trim();
        }

        var epsg = EpsgPattern().Match(text);
        var key = (epsg.Success ? $"EPSG:{int.Parse(epsg.Groups[1].Value, CultureInfo.InvariantCulture)}" : text) + "|" + tileSize;
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var grid = Create(text, epsg, tileSize);
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        Cache[key] = grid;
        return grid;
    }

    /// <summary>Levels for a source whose pixels are <paramref name="pixelSizeInMeters"/> on the ground (large_image's formula).</summary>
    public int LevelsFor(double pixelSizeInMeters) =>
        Math.Max((int)Math.Ceiling(Math.Log2(UnitsAcrossLevel0 / pixelSizeInMeters / TileSize)) + 1, 1);

    /// <summary>Tile extent in projection units; y grows northwards, tile row 0 is the northernmost.</summary>
    public (double XMin, double YMin, double XMax, double YMax) TileBounds(int z, double x, double y)
    {
        var scale = Math.Pow(2, z);
        return (
            (-0.5 + (x / scale)) * UnitsAcrossLevel0,
            (0.5 - ((y + 1) / scale)) * UnitsAcrossLevel0,
            (-0.5 + ((x + 1) / scale)) * UnitsAcrossLevel0,
            (0.5 - (y / scale)) * UnitsAcrossLevel0);
    }

    /// <summary>A full-resolution world pixel coordinate (of a grid with <paramref name="levels"/> levels) in projection units.</summary>
    public (double X, double Y) PixelToProjected(double x, double y, int levels)
    {
        var size = Math.Pow(2, levels - 1) * TileSize;
        return (((x / size) - 0.5) * UnitsAcrossLevel0, (0.5 - (y / size)) * UnitsAcrossLevel0);
    }

    private static ProjectedGrid Create(string text, Match epsg, int tileSize)
    {
        OgrSpatialReferenceHandle srs;
        string name;
        try
        {
            if (epsg.Success && int.TryParse(epsg.Groups[1].Value, CultureInfo.InvariantCulture, out var code))
            {
                srs = Interop.Gdal.SrsFromEpsg(code);
                name = $"EPSG:{code}";
            }
            else if (text.StartsWith("+proj=", StringComparison.OrdinalIgnoreCase))
            {
                srs = Interop.Gdal.SrsFromProj4(text);
                name = text;
            }
            else
            {
                throw new InvalidParameterException("projection", $"Unknown projection '{text}'; use EPSG:<code>, e.g. EPSG:3857.");
            }
        }
        catch (NativeLibraryException e)
        {
            throw new InvalidParameterException("projection", $"Unknown projection '{text}': {e.Message}");
        }

        using (srs)
        {
            if (Interop.Gdal.IsGeographic(srs))
            {
                throw new InvalidParameterException(
                    "projection", $"Projection {name} is geographic; a tiled projection needs linear units (e.g. EPSG:3857).");
            }

            return new ProjectedGrid(name, EquatorWidth(srs, name), tileSize);
        }
    }

    /// <summary>The projected distance between (-180, 0) and (180, 0), as large_image defines the level-0 span.</summary>
    private static double EquatorWidth(OgrSpatialReferenceHandle srs, string name)
    {
        using var wgs84 = Interop.Gdal.SrsFromEpsg(4326);
        Span<double> x = [-180, 180];
        Span<double> y = [0, 0];
        Span<int> ok = [0, 0];
        try
        {
            using var transformation = Interop.Gdal.NewCoordinateTransformation(wgs84, srs);
            Interop.Gdal.Transform(transformation, x, y, ok);
        }
        catch (NativeLibraryException e)
        {
            throw new InvalidParameterException("projection", $"Projection {name} cannot be tiled: {e.Message}");
        }

        var width = Math.Abs(x[1] - x[0]);
        return ok[0] != 0 && ok[1] != 0 && double.IsFinite(width) && width > 0
            ? width
            : throw new InvalidParameterException("projection", $"Projection {name} cannot be tiled: the equator has no finite extent in it.");
    }

    [GeneratedRegex(@"^(?:\+init=)?epsg:(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EpsgPattern();
}
