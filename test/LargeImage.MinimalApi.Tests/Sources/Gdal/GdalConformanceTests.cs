using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

/// <summary>
/// The GDAL source against independent references over the real GeoTIFFs of <c>../shared/testdata</c>: metadata
/// against <c>gdalinfo -json</c> and large_image's level formulas, web-mercator tiles against <c>gdalwarp</c>,
/// native tiles against <c>gdal_translate</c>, pixels against <c>gdallocationinfo</c>. Every tool start costs the better part of a
/// second on a loaded machine, so each test makes few, well-chosen references.
/// </summary>
public sealed class GdalConformanceTests
{
    private const double Required = 0.99;
    private const int Tile = 256;
    private static readonly ConcurrentDictionary<string, Lazy<JsonNode>> GdalInfo = new();

    public static TheoryData<string> GeoTiffs => new()
    {
        "rio-tiler/cog.tif",
        "rio-tiler/cog_cmap.tif",
        "rio-tiler/mosaic_cog1.tif",
        "rio-tiler/nocog.tif",
        "titiler/cog_with_nan.tif",
        "rasterio/RGB.byte.tif",
        "rasterio/byte.tif",
        "rasterio/cogeo.tif",
        "rio-cogeo/image_colormap.tif",
        "large_image/rgba_geotiff.tiff",
    };

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public void Metadata_agrees_with_gdalinfo(string file)
    {
        var path = TestData.Path(file);
        var info = Info(path);
        using var source = Open(path, null);

        var m = source.Metadata;

        var width = (int)info["size"]![0]!;
        var height = (int)info["size"]![1]!;
        var bands = info["bands"]!.AsArray();
        Assert.Equal((width, height), ((int)m.SizeX, (int)m.SizeY));
        Assert.Equal((width, height), ((int)m.SourceSizeX!, (int)m.SourceSizeY!));
        Assert.Equal(bands.Count, m.BandCount);
        Assert.Equal(DType((string)bands[0]!["type"]!), m.DType);
        Assert.Equal(ExpectedNativeLevels(width, height), m.Levels);
        Assert.True(m.Geospatial);
        for (var i = 0; i < bands.Count; i++)
        {
            var band = m.Bands![(i + 1).ToString(CultureInfo.InvariantCulture)];
            Assert.Equal(((string)bands[i]!["colorInterpretation"]!).ToLowerInvariant(), band.Interpretation);
            AssertNodata(bands[i]!["noDataValue"], band.Nodata);
            Assert.Equal(bands[i]!["colorTable"]?["count"] is { } count ? (int)count : null, band.ColorTable?.Count);
        }

        if (Wgs84Corners(info) is { } corners)
        {
            var b = m.Bounds!;
            AssertNear(corners.UpperLeft, (b.UpperLeft.X, b.UpperLeft.Y));
            AssertNear(corners.LowerLeft, (b.LowerLeft.X, b.LowerLeft.Y));
            AssertNear(corners.LowerRight, (b.LowerRight.X, b.LowerRight.Y));
            AssertNear(corners.UpperRight, (b.UpperRight.X, b.UpperRight.Y));
            Assert.Equal("EPSG:4326", b.Srs);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public void Web_mercator_metadata_follows_large_images_formula(string file)
    {
        var path = TestData.Path(file);
        var info = Info(path);
        using var source = Open(path, "EPSG:3857");

        var m = source.Metadata;

        var (width, height) = ((int)info["size"]![0]!, (int)info["size"]![1]!);
        Assert.Equal("EPSG:3857", m.Projection);
        Assert.Equal(256L << (m.Levels - 1), m.SizeX);
        Assert.Equal(m.SizeX, m.SizeY);
        Assert.Equal(ExpectedNativeLevels(width, height), m.SourceLevels);
        if (Wgs84Corners(info) is { } c)
        {
            // large_image: levels = ceil(log2(equator length / ground pixel size / 256)) + 1, the ground pixel size
            // being the geodesic perimeter of the WGS84 corners over the pixel perimeter.
            var perimeter =
                Geodesic.Distance(c.UpperLeft.X, c.UpperLeft.Y, c.UpperRight.X, c.UpperRight.Y) +
                Geodesic.Distance(c.UpperRight.X, c.UpperRight.Y, c.LowerRight.X, c.LowerRight.Y) +
                Geodesic.Distance(c.LowerRight.X, c.LowerRight.Y, c.LowerLeft.X, c.LowerLeft.Y) +
                Geodesic.Distance(c.LowerLeft.X, c.LowerLeft.Y, c.UpperLeft.X, c.UpperLeft.Y);
            var pixelSize = perimeter / (2.0 * (width + height));
            Assert.Equal(Math.Max((int)Math.Ceiling(Math.Log2(2 * Math.PI * 6378137 / pixelSize / 256)) + 1, 1), m.Levels);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public async Task Web_mercator_tiles_agree_with_gdalwarp(string file)
    {
        var path = TestData.Path(file);
        CliTool.SkipIfMissing("gdalwarp");
        using var source = Open(path, "EPSG:3857");
        using var temp = new TempDirectory("li-gdalwarp");
        var levels = source.Metadata.Levels;
        var bounds = source.Metadata.Bounds!;
        var center = TileOf((bounds.XMin + bounds.XMax) / 2, (bounds.YMin + bounds.YMax) / 2, levels - 1);
        var zooms = new[] { levels - 1, levels - 4 }.Where(z => z >= 0).Distinct();

        // One reference per tile: gdalwarp's approximate transformer depends on the extent warped, so only a
        // reference of exactly the tile's extent is pixel-for-pixel fair; with it, every pixel and mask bit agrees.
        var results = await Task.WhenAll(zooms.SelectMany(z =>
        {
            var shift = levels - 1 - z;
            var first = TileOf(bounds.XMin, bounds.YMax, z);
            return new[] { (Z: z, X: center.X >> shift, Y: center.Y >> shift), (Z: z, first.X, first.Y) }.Distinct();
        }).Select(t => Task.Run(() =>
        {
            var (xmin, ymin, xmax, ymax) = source.Grid!.TileBounds(t.Z, t.X, t.Y);
            var output = temp.File($"warp_{t.Z}_{t.X}_{t.Y}.bin");
            CliTool.Run(
                "gdalwarp", "-q", "-t_srs", "EPSG:3857", "-te", F(xmin), F(ymin), F(xmax), F(ymax),
                "-ts", "256", "256", "-r", "near", "-dstalpha", "-ot", "Float64", "-of", "ENVI", path, output);
            var reference = EnviImage.Read(output);
            var agreement = new RasterAgreement();
            var tile = source.ReadTile(t.Z, t.X, t.Y, ReadOptions.Default);
            agreement.Add(tile, reference, source.Metadata.BandCount, reference.Bands - 1, 0, 0, Tile, Tile);
            return (t, agreement);
        })));

        Assert.Contains(results, r => r.agreement.ValidInBoth > 0);
        Assert.All(results, r => Assert.True(
            r.agreement.MaskRatio == 1 && r.agreement.ValueRatio == 1, $"{file} {r.t}: {r.agreement}"));
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public async Task Native_tiles_agree_with_gdal_translate(string file)
    {
        var path = TestData.Path(file);
        CliTool.SkipIfMissing("gdal_translate");
        using var source = Open(path, null);
        using var temp = new TempDirectory("li-translate");
        var (width, height, levels, bandCount) = ((int)source.Metadata.SizeX, (int)source.Metadata.SizeY, source.Metadata.Levels, source.Metadata.BandCount);
        var cases = new[] { (Z: levels - 1, Corner: false), (Z: Math.Max(0, levels - 2), Corner: true), (Z: 0, Corner: false) }
            .Where(c => c.Z >= 0).DistinctBy(c => c.Z);

        var results = await Task.WhenAll(cases.Select(c => Task.Run(() =>
        {
            var factor = 1 << (levels - 1 - c.Z);
            var span = factor * Tile;
            var (tilesX, tilesY) = ((width + span - 1) / span, (height + span - 1) / span);
            // A block's reference samples at one scale throughout, which matches our tiles only where they are whole;
            // the partial last tile is sampled at its own scale, so it gets a reference of its own.
            var (bx, bw) = c.Corner ? (tilesX - 1, 1) : Block(0, Math.Max(0, (width / span) - 1));
            var (by, bh) = c.Corner ? (tilesY - 1, 1) : Block(0, Math.Max(0, (height / span) - 1));
            var (srcX, srcY) = (bx * span, by * span);
            var srcW = Math.Min(bw * span, width - srcX);
            var srcH = Math.Min(bh * span, height - srcY);
            var (outW, outH) = (Math.Max(1, (int)Math.Round((double)srcW / factor)), Math.Max(1, (int)Math.Round((double)srcH / factor)));
            var output = temp.File($"translate_{c.Z}.bin");
            var args = new List<string> { "-q", "-srcwin", F(srcX), F(srcY), F(srcW), F(srcH), "-outsize", F(outW), F(outH), "-r", "nearest" };
            for (var b = 1; b <= bandCount; b++)
            {
                args.AddRange(["-b", F(b)]);
            }

            args.AddRange(["-b", "mask", "-ot", "Float64", "-of", "ENVI", "-co", "INTERLEAVE=BSQ", path, output]);
            CliTool.Run("gdal_translate", [.. args]);
            var reference = EnviImage.Read(output);
            var agreement = new RasterAgreement();
            for (var ty = 0; ty < bh; ty++)
            {
                for (var tx = 0; tx < bw; tx++)
                {
                    var tile = source.ReadTile(c.Z, bx + tx, by + ty, ReadOptions.Default);
                    var (ox, oy) = (tx * Tile, ty * Tile);
                    var (w, h) = (Math.Min(Tile, outW - ox), Math.Min(Tile, outH - oy));
                    agreement.Add(tile, reference, bandCount, bandCount, ox, oy, w, h);
                    agreement.AddMasked(tile, w, 0, Tile, Tile);
                    agreement.AddMasked(tile, 0, h, w, Tile);
                }
            }

            return (c.Z, agreement);
        })));

        Assert.Contains(results, r => r.agreement.ValidInBoth > 0);
        Assert.All(results, r => Assert.True(
            r.agreement.MaskRatio >= Required && r.agreement.ValueRatio >= Required, $"{file} z={r.Z}: {r.agreement}"));
    }

    [SkippableTheory]
    [MemberData(nameof(GeoTiffs))]
    public void Pixels_agree_with_gdallocationinfo(string file)
    {
        var path = TestData.Path(file);
        CliTool.SkipIfMissing("gdallocationinfo");
        using var source = Open(path, null);
        var (width, height, bands) = ((int)source.Metadata.SizeX, (int)source.Metadata.SizeY, source.Metadata.BandCount);
        (int X, int Y)[] points = [(0, 0), (width - 1, height - 1), (width / 2, height / 3), (width / 3, height / 2), (width / 5, height * 4 / 5)];

        var values = CliTool.RunWithInput("gdallocationinfo", string.Join('\n', points.Select(p => $"{p.X} {p.Y}")) + "\n", "-valonly", path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseDouble)
            .ToArray();

        Assert.Equal(points.Length * bands, values.Length);
        for (var i = 0; i < points.Length; i++)
        {
            var (x, y) = points[i];
            var actual = source.ReadPixel(x, y, ReadOptions.Default)!;
            for (var b = 0; b < bands; b++)
            {
                var expected = values[(i * bands) + b];
                Assert.True(
                    actual[b].Equals(expected) || (double.IsNaN(actual[b]) && double.IsNaN(expected)) ||
                    Math.Abs(actual[b] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)),
                    $"{file} ({x},{y}) band {b + 1}: {actual[b]} vs {expected}");
            }
        }

        Assert.Null(source.ReadPixel(width, 0, ReadOptions.Default));
    }

    private static GdalTileSource Open(string path, string? projection)
    {
        GdalAvailability.SkipIfUnavailable();
        return GdalTileSource.Open(path, projection);
    }

    private static JsonNode Info(string path)
    {
        CliTool.SkipIfMissing("gdalinfo");
        return GdalInfo.GetOrAdd(path, p => new Lazy<JsonNode>(() => JsonNode.Parse(CliTool.Run("gdalinfo", "-json", p))!)).Value;
    }

    private static int ExpectedNativeLevels(int width, int height) =>
        Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(width, height) / 256.0))) + 1;

    private static string DType(string gdalType) => gdalType switch
    {
        "Byte" => "uint8",
        "Int8" => "int8",
        "UInt16" => "uint16",
        "Int16" => "int16",
        "UInt32" => "uint32",
        "Int32" => "int32",
        "Float32" => "float32",
        _ => "float64",
    };

    private static void AssertNodata(JsonNode? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else if (expected.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            Assert.Equal(ParseDouble((string)expected!), actual!.Value);
        }
        else
        {
            Assert.Equal((double)expected, actual);
        }
    }

    /// <summary>gdalinfo's WGS84 extent polygon lists the corners ul, ll, lr, ur.</summary>
    private static ((double X, double Y) UpperLeft, (double X, double Y) LowerLeft, (double X, double Y) LowerRight, (double X, double Y) UpperRight)? Wgs84Corners(JsonNode info)
    {
        if (info["wgs84Extent"]?["coordinates"]?[0] is not JsonArray ring || ring.Count < 4)
        {
            return null;
        }

        (double, double) Corner(int i) => ((double)ring[i]![0]!, (double)ring[i]![1]!);
        return (Corner(0), Corner(1), Corner(2), Corner(3));
    }

    private static void AssertNear((double X, double Y) expected, (double X, double Y) actual)
    {
        Assert.InRange(actual.X, expected.X - 1e-6, expected.X + 1e-6);
        Assert.InRange(actual.Y, expected.Y - 1e-6, expected.Y + 1e-6);
    }

    private static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = Math.Pow(2, z);
        lat = Math.Clamp(lat, -85.05112878, 85.05112878);
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(Math.PI / 4 + (lat * Math.PI / 360))) / Math.PI)) / 2 * n);
        return (Math.Clamp(x, 0, (int)n - 1), Math.Clamp(y, 0, (int)n - 1));
    }

    /// <summary>Up to three consecutive tiles around the middle of [first, last].</summary>
    private static (int Start, int Count) Block(int first, int last)
    {
        var count = Math.Min(3, last - first + 1);
        var start = Math.Clamp(((first + last) / 2) - 1, first, last - count + 1);
        return (start, count);
    }

    private static double ParseDouble(string text) =>
        text.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
