using System.ComponentModel.DataAnnotations;

namespace LargeImage.MinimalApi.Options;

/// <summary>Settings of the large-image endpoints, bound from the <c>LargeImage</c> configuration section.</summary>
public sealed class LargeImageOptions
{
    /// <summary>Folder that relative file references resolve against. Default <see cref="LargeImageDefaults.MediaRoot"/>.</summary>
    [Required]
    public string MediaRoot { get; set; } = LargeImageDefaults.MediaRoot;

    /// <summary>Further folders that absolute file references may point into. Default: none.</summary>
    public IList<string> AllowedRoots { get; set; } = [];

    /// <summary>Remote files (S3, HTTP): allow-lists, credentials, timeouts, local checkout. Default: nothing remote is allowed.</summary>
    public RemoteOptions Remote { get; set; } = new();

    /// <summary>Path of the GDAL shared library; default: probe <c>libgdal.so.3x</c>.</summary>
    public string? GdalLibraryPath { get; set; }

    /// <summary>Path of the OpenSlide shared library; default: probe <c>libopenslide.so.1</c>/<c>.0</c>.</summary>
    public string? OpenSlideLibraryPath { get; set; }

    /// <summary>Largest output (width × height) of a region or thumbnail. Default <see cref="LargeImageDefaults.MaxOutputPixels"/>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxOutputPixels { get; set; } = LargeImageDefaults.MaxOutputPixels;

    /// <summary>Long side of the bounded read histograms use. Default <see cref="LargeImageDefaults.HistogramMaxSize"/>.</summary>
    [Range(16, 65536)]
    public int HistogramMaxSize { get; set; } = LargeImageDefaults.HistogramMaxSize;

    /// <summary>
    /// GDAL handles per open file, and as many again per overview level that projected tiles are warped from (opened
    /// as first needed). Default <see cref="LargeImageDefaults.DatasetHandlesPerFile"/>.
    /// </summary>
    [Range(1, 64)]
    public int DatasetHandlesPerFile { get; set; } = LargeImageDefaults.DatasetHandlesPerFile;

    /// <summary>
    /// Open readers kept; what readers learnt opening a file is remembered for four times as many files (256 at least).
    /// Default <see cref="LargeImageDefaults.MaxOpenReaders"/>.
    /// </summary>
    [Range(1, 100000)]
    public int MaxOpenReaders { get; set; } = LargeImageDefaults.MaxOpenReaders;

    /// <summary>
    /// Files whose facts are remembered for a reopen: <see cref="LargeImageDefaults.RememberedFilesPerOpenReader"/>
    /// per open reader, and never fewer than <see cref="LargeImageDefaults.RememberedFiles"/>.
    /// </summary>
    internal int RememberedFiles =>
        Math.Max(LargeImageDefaults.RememberedFiles, LargeImageDefaults.RememberedFilesPerOpenReader * MaxOpenReaders);

    /// <summary>
    /// Whether a web-mercator tile inside the world but outside the image is a transparent tile rather than a 404.
    /// Default <see cref="LargeImageDefaults.TransparentOutsideImage"/>.
    /// </summary>
    public bool TransparentOutsideImage { get; set; } = LargeImageDefaults.TransparentOutsideImage;

    /// <summary>Caching of rendered bytes and HTTP caching of responses.</summary>
    public LargeImageCacheOptions Cache { get; set; } = new();

    /// <summary>
    /// Whether responses carry a <c>Server-Timing</c> header with the render phases (open, read, render, encode) and
    /// the cache level that answered, for browser developer tools. Default <see cref="LargeImageDefaults.ServerTiming"/>.
    /// </summary>
    public bool ServerTiming { get; set; } = LargeImageDefaults.ServerTiming;

    /// <summary>
    /// XYZ tile URL template (<c>https://…/{z}/{x}/{y}.png</c>) of a basemap drawn under geospatial images in the
    /// viewer. Default: none, so the viewer works offline and sends nothing to third parties.
    /// </summary>
    public string? ViewerBasemapUrl { get; set; }

    /// <summary>Attribution the basemap's terms require, shown on the map (HTML allowed). Default: none.</summary>
    public string? ViewerBasemapAttribution { get; set; }
}
