using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// A file GDAL opens as a container of rasters rather than as one: the variables of a netCDF or HDF file, the tables
/// of a GeoPackage. The main raster is the largest subdataset (netCDF's <c>_bnds</c> cell bounds last), as large_image
/// picks it; the subdatasets of the same size, band count and sample type are the frames, in the file's order, each
/// a channel named after its variable. The others are listed in <c>metadata_internal</c> only.
/// </summary>
internal sealed class GdalSubdatasetSource : ITileSource, IGeoreferencedSource
{
    private readonly Lazy<GdalTileSource>[] frames;
    private readonly string[] frameNames;
    private readonly GdalTileSource first;
    private readonly IReadOnlyList<GdalSubdataset> subdatasets;

    private GdalSubdatasetSource(IReadOnlyList<GdalSubdataset> subdatasets, IReadOnlyList<GdalSubdataset> framed, string? projection, int handlesPerFile)
    {
        this.subdatasets = subdatasets;
        frameNames = framed.Select(s => s.Name).ToArray();
        first = GdalTileSource.Open(framed[0].Name, projection, handlesPerFile);
        frames = framed
            .Select((s, i) => i == 0 ? new Lazy<GdalTileSource>(first) : new Lazy<GdalTileSource>(() => GdalTileSource.Open(s.Name, projection, handlesPerFile)))
            .ToArray();
        var metadata = first.Metadata;
        if (framed.Count > 1)
        {
            var channels = framed.Select(s => s.Variable).ToArray();
            var infos = channels.Select((name, i) => new FrameInfo { Frame = i, IndexC = i, Channel = name }).ToArray();
            var (indexRange, indexStride) = FrameAxes.Describe(infos);
            metadata = metadata with
            {
                Frames = infos,
                IndexRange = indexRange,
                IndexStride = indexStride,
                Channels = channels,
                ChannelMap = channels.Select((name, c) => (name, c)).DistinctBy(e => e.name).ToDictionary(e => e.name, e => e.c),
            };
        }

        Metadata = metadata;
    }

    public string Reader => GdalTileSource.ReaderName;

    public ImageMetadata Metadata { get; }

    public int FrameCount => frames.Length;

    public IReadOnlyList<string> AssociatedImageNames => [];

    public bool IsGeoreferenced => first.IsGeoreferenced;

    /// <summary>Opens a container's subdatasets, as <see cref="GdalSubdataset.List"/> found them, as frames.</summary>
    /// <exception cref="UnsupportedFileException">None of the subdatasets is a raster GDAL can open.</exception>
    public static GdalSubdatasetSource Open(IReadOnlyList<GdalSubdataset> listed, string path, string? projection, int handlesPerFile)
    {
        var readable = listed.Where(s => s.Shape is not null).ToArray();
        var main = readable
            .OrderBy(s => s.Variable.EndsWith("_bnds", StringComparison.Ordinal))
            .ThenByDescending(s => (long)s.Shape!.Value.Width * s.Shape.Value.Height)
            .FirstOrDefault()
            ?? throw new UnsupportedFileException(
                $"GDAL opened {Path.GetFileName(path)} as {listed.Count} subdatasets, but none of them as a raster.");
        var framed = readable.Where(s => s.Shape == main.Shape).ToArray();
        return new GdalSubdatasetSource(listed, framed, projection, handlesPerFile);
    }

    /// <summary>Whether GDAL sees the file as a container: subdatasets and no bands of its own.</summary>
    public static bool IsContainer(GdalDatasetHandle dataset) =>
        Interop.Gdal.GetRasterCount(dataset) == 0 && Interop.Gdal.GetMetadata(dataset, "SUBDATASETS").Length > 0;

    public JsonObject GetInternalMetadata()
    {
        var result = first.GetInternalMetadata();
        result["subdatasets"] = new JsonArray([.. subdatasets.Select(s => (JsonNode?)new JsonObject
        {
            ["name"] = s.Variable,
            ["description"] = s.Description,
            ["frame"] = Array.IndexOf(frameNames, s.Name) is var frame and >= 0 ? frame : null,
        })]);
        return result;
    }

    public IReadOnlyList<BandInfo> GetBands(int frame) => Frame(frame).GetBands(0);

    public IReadOnlyList<BandInfo> GetBandLayout(int frame) => Frame(frame).GetBandLayout(0);

    public Raster ReadTile(int z, int x, int y, ReadOptions options) => Frame(options.Frame).ReadTile(z, x, y, options with { Frame = 0 });

    public TileCorners GetTileCorners(int z, int x, int y) => first.GetTileCorners(z, x, y);

    public Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options) =>
        Frame(options.Frame).ReadRegion(window, width, height, options with { Frame = 0 });

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options) => Frame(options.Frame).ReadPixel(x, y, options with { Frame = 0 });

    public Raster ReadAssociatedImage(string name) => first.ReadAssociatedImage(name);

    public IReadOnlyList<(double X, double Y)> ToPixels(string crs, IReadOnlyList<(double X, double Y)> points) => first.ToPixels(crs, points);

    public void WriteGeoTiff(string destination, PixelWindow window, int width, int height, ReadOptions options, Rendering.RgbaImage? rendered) =>
        Frame(options.Frame).WriteGeoTiff(destination, window, width, height, options with { Frame = 0 }, rendered);

    public void Dispose()
    {
        foreach (var frame in frames.Where(f => f.IsValueCreated))
        {
            frame.Value.Dispose();
        }
    }

    private GdalTileSource Frame(int frame) =>
        frame >= 0 && frame < frames.Length ? frames[frame].Value
            : throw new InvalidParameterException("frame", $"'frame' must be below {frames.Length}, the image's frame count, not {frame}.");

}
