using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Fakes;

/// <summary>Serves a <see cref="SyntheticSpec"/> with nearest-neighbour reads.</summary>
internal sealed class SyntheticTileSource(SyntheticSpec spec) : ITileSource, IGeoreferencedSource
{
    private const int TileSize = 256;
    private const double Degrees = 0.01;

    public string Reader => "synthetic";

    public ImageMetadata Metadata { get; } = new()
    {
        Levels = Math.Max(1, (int)Math.Ceiling(Math.Log2(Math.Max(spec.Width, spec.Height) / (double)TileSize)) + 1),
        SizeX = spec.Width,
        SizeY = spec.Height,
        TileWidth = TileSize,
        TileHeight = TileSize,
        DType = spec.DType,
        BandCount = spec.Bands,
        MmX = spec.MmX,
        MmY = spec.MmX,
        Geospatial = spec.Geo,
        Bounds = spec.Geo
            ? new GeoBounds
            {
                LowerLeft = new(0, -spec.Height * Degrees), UpperLeft = new(0, 0), LowerRight = new(spec.Width * Degrees, -spec.Height * Degrees),
                UpperRight = new(spec.Width * Degrees, 0), XMin = 0, XMax = spec.Width * Degrees, YMin = -spec.Height * Degrees, YMax = 0, Srs = "EPSG:4326",
            }
            : null,
    };

    public int FrameCount => spec.Frames;

    public IReadOnlyList<string> AssociatedImageNames => ["label"];

    public bool IsGeoreferenced => spec.Geo;

    private PixelType Type => Enum.Parse<PixelType>(spec.DType, ignoreCase: true);

    public JsonObject GetInternalMetadata() => [];

    public IReadOnlyList<BandInfo> GetBands(int frame) =>
        [.. Enumerable.Range(0, spec.Bands).Select(b => new BandInfo
        {
            Interpretation = spec.Bands >= 3 ? new[] { "red", "green", "blue", "alpha" }[Math.Min(b, 3)] : "gray",
            Nodata = spec.Nodata,
        })];

    public Raster ReadTile(int z, int x, int y, ReadOptions options)
    {
        if (z < 0 || z >= Metadata.Levels)
        {
            throw new TileOutOfRangeException($"z={z}");
        }

        var scale = Math.Pow(2, Metadata.Levels - 1 - z);
        return ReadRegion(new PixelWindow(x * TileSize * scale, y * TileSize * scale, TileSize * scale, TileSize * scale), TileSize, TileSize, options);
    }

    public TileCorners GetTileCorners(int z, int x, int y) => throw new NotSupportedException();

    public Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options)
    {
        var values = new double[width * height * spec.Bands];
        var mask = new byte[width * height];
        for (var j = 0; j < height; j++)
        {
            for (var i = 0; i < width; i++)
            {
                var sx = (long)Math.Floor(window.Left + ((i + 0.5) * window.Width / width));
                var sy = (long)Math.Floor(window.Top + ((j + 0.5) * window.Height / height));
                var p = (j * width) + i;
                if (sx < 0 || sy < 0 || sx >= spec.Width || sy >= spec.Height)
                {
                    continue;
                }

                mask[p] = 255;
                for (var b = 0; b < spec.Bands; b++)
                {
                    values[(p * spec.Bands) + b] = spec.Value(sx, sy, b, options.Frame);
                }
            }
        }

        return Type == PixelType.UInt8
            ? Raster.FromBytes(width, height, spec.Bands, [.. values.Select(v => (byte)v)], mask)
            : Raster.FromValues(width, height, spec.Bands, Type, values, mask);
    }

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options) =>
        x < 0 || y < 0 || x >= spec.Width || y >= spec.Height
            ? null
            : [.. Enumerable.Range(0, spec.Bands).Select(b => spec.Value(x, y, b, options.Frame))];

    public Raster ReadAssociatedImage(string name) => name == "label"
        ? Raster.FromBytes(40, 20, 3, [.. Enumerable.Repeat((byte)200, 40 * 20 * 3)])
        : throw new ImageNotFoundException($"No associated image '{name}'.");

    public IReadOnlyList<(double X, double Y)> ToPixels(string crs, IReadOnlyList<(double X, double Y)> points) => crs == "EPSG:4326"
        ? [.. points.Select(p => (p.X / Degrees, -p.Y / Degrees))]
        : throw new InvalidParameterException("units", $"Unknown CRS '{crs}'.");

    public void WriteGeoTiff(string destination, PixelWindow window, int width, int height, ReadOptions options, RgbaImage? rendered) =>
        File.WriteAllBytes(destination, [1, 2, 3]);

    public void Dispose()
    {
    }
}
