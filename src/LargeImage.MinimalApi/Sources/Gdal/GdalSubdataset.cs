using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// One raster of a GDAL container (a netCDF or HDF variable, a GeoPackage table), as the container lists it: its
/// connection string, its variable's name, GDAL's description and its shape, null when GDAL cannot open it as a raster.
/// </summary>
internal sealed record GdalSubdataset(string Name, string Variable, string Description, GdalSubdataset.Dimensions? Shape)
{
    /// <summary>How many subdatasets are looked at: enough for any real file, few enough to open each at once.</summary>
    private const int MaxSubdatasets = 256;

    /// <summary>
    /// The subdatasets GDAL lists in <paramref name="container"/>, its handle of the file itself, each opened once for
    /// its shape. Only names that point into the file itself are taken: a subdataset name is a GDAL connection string,
    /// and one naming another file must not be followed.
    /// </summary>
    public static IReadOnlyList<GdalSubdataset> List(GdalDatasetHandle container, string path)
    {
        // SUBDATASET_<n>_NAME=… and SUBDATASET_<n>_DESC=…, in the file's order.
        var items = Interop.Gdal.GetMetadata(container, "SUBDATASETS")
            .Select(item => item.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var listed = new List<GdalSubdataset>();
        for (var i = 1; i <= MaxSubdatasets && items.TryGetValue($"SUBDATASET_{i}_NAME", out var name); i++)
        {
            if (NamesFile(name, path))
            {
                listed.Add(new GdalSubdataset(name, VariableOf(name), items.GetValueOrDefault($"SUBDATASET_{i}_DESC", string.Empty), ShapeOf(name)));
            }
        }

        return listed;
    }

    /// <summary>
    /// Whether the subdataset name holds the file's path whole: after the driver's prefix or an opening quote, and
    /// before a quote, a colon or the end.
    /// </summary>
    internal static bool NamesFile(string name, string path)
    {
        var at = name.IndexOf(path, StringComparison.Ordinal);
        var end = at + path.Length;
        return at >= 0
            && (at == 0 || name[at - 1] is '"' or ':')
            && (end == name.Length || name[end] is '"' or ':');
    }

    /// <summary>The part of a subdataset name after the file: <c>NETCDF:"f.nc":temp</c> → <c>temp</c>.</summary>
    private static string VariableOf(string name) => name[(name.LastIndexOf(':') + 1)..].Trim('"', '/');

    private static Dimensions? ShapeOf(string name)
    {
        try
        {
            using var dataset = Interop.Gdal.OpenEx(name);
            var bands = Interop.Gdal.GetRasterCount(dataset);
            return bands == 0 ? null : new Dimensions(
                Interop.Gdal.GetRasterXSize(dataset),
                Interop.Gdal.GetRasterYSize(dataset),
                bands,
                Interop.Gdal.GetRasterDataType(Interop.Gdal.GetRasterBand(dataset, 1)));
        }
        catch (NativeLibraryException)
        {
            return null;
        }
    }

    /// <summary>What makes subdatasets frames of one image.</summary>
    internal readonly record struct Dimensions(int Width, int Height, int Bands, GdalDataType Type);
}
