using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources.Remote;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// The GDAL reader: first choice for geospatial formats and for any request in a projection, a fallback for
/// generic images. Priorities are on <see cref="SourcePriority"/>'s scale: a projection or a geospatial format puts GDAL first; a TIFF without GeoTIFF tags is left to the imaging readers.
/// </summary>
internal sealed class GdalReader : ITileSourceReader
{
    private static readonly HashSet<string> GeospatialExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".vrt", ".ntf", ".nitf", ".nc", ".nc4", ".jp2", ".j2k", ".img", ".hdf", ".hdf4", ".hdf5", ".h5", ".he5",
        ".grib", ".grb", ".grb2", ".grib2", ".dem", ".dt0", ".dt1", ".dt2", ".asc", ".bil", ".bip", ".bsq", ".ecw",
        ".sid", ".geotiff", ".gtiff", ".kea", ".mrf", ".rst", ".sdat", ".tl2", ".hgt", ".gpkg", ".zarr",
    };

    private static readonly HashSet<string> TiffExtensions = new(StringComparer.OrdinalIgnoreCase) { ".tif", ".tiff", ".gtif" };

    private static readonly HashSet<string> PictureExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".heic", ".avif",
    };

    /// <summary>Whole-slide formats that GDAL misreads (labels as overviews) or cannot read at all.</summary>
    private static readonly HashSet<string> SlideExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".svs", ".ndpi", ".mrxs", ".vms", ".vmu", ".scn", ".bif", ".svslide", ".isyntax",
    };

    private readonly int handlesPerFile;

    /// <summary>
    /// A container's listing opens every subdataset to learn its shape: N + 1 GDAL opens, where a reopen of an
    /// unchanged file needs only its first frame's.
    /// </summary>
    private readonly FileFactsCache<IReadOnlyList<GdalSubdataset>> containers;
    private readonly Lazy<(bool Available, string Version)> status;

    public GdalReader(IOptions<LargeImageOptions> options)
        : this(options.Value.DatasetHandlesPerFile, options.Value.RememberedFiles)
    {
    }

    internal GdalReader(int handlesPerFile = LargeImageDefaults.DatasetHandlesPerFile, int rememberedFiles = LargeImageDefaults.RememberedFiles)
    {
        this.handlesPerFile = handlesPerFile;
        containers = new(rememberedFiles);
        status = new Lazy<(bool, string)>(Probe);
    }

    public string Name => GdalTileSource.ReaderName;

    public bool IsAvailable => status.Value.Available;

    public string Version => status.Value.Version;

    public bool ReadsVsiPaths => true;

    public int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection)
    {
        var extension = Path.GetExtension(RemoteReferenceParser.WithoutQuery(path));
        if (SlideExtensions.Contains(extension))
        {
            return null;
        }

        if (wantsProjection)
        {
            return SourcePriority.Named;
        }

        if (GeospatialExtensions.Contains(extension))
        {
            return SourcePriority.Preferred;
        }

        if (TiffExtensions.Contains(extension) || TiffPeek.IsTiff(header))
        {
            // A local file is followed to its first IFD; a remote one is known by its first bytes only.
            var peek = TiffPeek.TryRead(path) ?? TiffPeek.TryRead(header);
            return peek?.IsGeoreferenced switch
            {
                true => SourcePriority.Preferred,
                false => SourcePriority.Low,
                null => SourcePriority.High,
            };
        }

        return PictureExtensions.Contains(extension) ? SourcePriority.Lower : SourcePriority.Fallback;
    }

    public ITileSource Open(string path, string? projection, string? version = null)
    {
        try
        {
            if (containers.Find(path, version) is { } remembered)
            {
                return GdalSubdatasetSource.Open(remembered, path, projection, handlesPerFile);
            }

            var dataset = Interop.Gdal.OpenEx(path);
            if (!GdalSubdatasetSource.IsContainer(dataset))
            {
                return GdalTileSource.Open(dataset, path, projection, handlesPerFile);
            }

            IReadOnlyList<GdalSubdataset> listed;
            using (dataset)
            {
                listed = GdalSubdataset.List(dataset, path);
            }

            var source = GdalSubdatasetSource.Open(listed, path, projection, handlesPerFile);
            containers.Add(path, version, listed);
            return source;
        }
        catch (NativeLibraryException e)
        {
            // GDAL names the file by its full path; the client gets the file name only, never the server's layout.
            var name = Path.GetFileName(RemoteReferenceParser.WithoutQuery(path));
            var reason = e.Message.StartsWith("GDAL: ", StringComparison.Ordinal) ? e.Message["GDAL: ".Length..] : e.Message;
            throw new UnsupportedFileException($"GDAL cannot read {name}: {reason.Replace(path, name, StringComparison.Ordinal)}", e);
        }
    }

    private static (bool, string) Probe()
    {
        try
        {
            return (true, Interop.Gdal.VersionInfo());
        }
        catch (NativeLibraryException e)
        {
            return (false, e.Message);
        }
    }
}
