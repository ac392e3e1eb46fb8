using System.Collections.Concurrent;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// The tile grid of a projection, as large_image lays it out: level 0 is one tile spanning
/// <see cref="UnitsAcrossLevel0"/> (the projected width of the equator) centred on the projection's origin, and
/// each level doubles it. For EPSG:3857 this is exactly the standard XYZ web-mercator grid.
/// </summary>
internal sealed record ProjectedGrid(string Name, double UnitsAcrossLevel0, int TileSize)
{
    private const int MaxCached = 100;
    private static readonly ConcurrentDictionary<string, ProjectedGrid> Cache = new(StringComparer.Ordinal);

    /// <summary>Parses a projection as <see cref="SpatialReferenceParser"/> allows.</summary>
    /// <exception cref="InvalidParameterException">Unknown, malformed or geographic projection.</exception>
    public static ProjectedGrid Parse(string projection, int tileSize)
    {
        var key = SpatialReferenceParser.Canonical(projection) + "|" + tileSize;
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var grid = Create(projection, tileSize);
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

    /// <summary>The inverse of <see cref="PixelToProjected"/>.</summary>
    public (double X, double Y) ProjectedToPixel(double x, double y, int levels)
    {
        var size = Math.Pow(2, levels - 1) * TileSize;
        return (((x / UnitsAcrossLevel0) + 0.5) * size, (0.5 - (y / UnitsAcrossLevel0)) * size);
    }

    private static ProjectedGrid Create(string projection, int tileSize)
    {
        var (srs, name) = SpatialReferenceParser.Parse(projection, "projection");
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

}
