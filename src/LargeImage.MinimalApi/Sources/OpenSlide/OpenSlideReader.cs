using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;
using Interop = LargeImage.MinimalApi.Native.Interop;

namespace LargeImage.MinimalApi.Sources.OpenSlide;

/// <summary>The OpenSlide reader: Aperio, Hamamatsu, MIRAX, Leica, Ventana, Philips, Sakura and generic tiled TIFF slides.</summary>
/// <param name="rememberedFiles">Slides whose facts are remembered for a reopen.</param>
internal sealed class OpenSlideReader(int rememberedFiles = LargeImageDefaults.RememberedFiles) : ITileSourceReader
{
    public const string ReaderName = "openslide";

    /// <summary>Extensions that are whole-slide formats first and foremost.</summary>
    private static readonly HashSet<string> SlideExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".svs", ".ndpi", ".mrxs", ".scn", ".bif", ".vms", ".vmu", ".svslide",
    };

    /// <summary>Slides whose facts are remembered for a reopen.</summary>
    private readonly FileFactsCache<OpenSlideFacts> slides = new(rememberedFiles);

    public string Name => ReaderName;

    public bool SendsStoredJpegTiles => true;

    public bool IsAvailable => NativeLibraryLoader.TryLoad(NativeLibraryLoader.OpenSlide, out _);

    public string Version => NativeLibraryLoader.TryLoad(NativeLibraryLoader.OpenSlide, out var error)
        ? Interop.OpenSlide.Version()
        : error;

    /// <remarks>
    /// OpenSlide's vendor detection reads only the file's header and directory, so it is cheap enough to ask.
    /// Generic tiled TIFF is ranked low: libvips reads those with their frames and without OpenSlide's RGBA
    /// conversion.
    /// </remarks>
    public int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection)
    {
        if (wantsProjection || !IsAvailable)
        {
            return null;
        }

        return Interop.OpenSlide.DetectVendor(path) switch
        {
            null => null,
            "generic-tiff" => SourcePriority.Low,
            _ when SlideExtensions.Contains(Path.GetExtension(path)) => SourcePriority.Preferred,
            _ => SourcePriority.Higher,
        };
    }

    public ITileSource Open(string path, string? projection, string? version = null)
    {
        if (projection is not null)
        {
            throw new InvalidParameterException("projection", $"'{Path.GetFileName(path)}' is not georeferenced; it cannot be opened in {projection}.");
        }

        if (!NativeLibraryLoader.TryLoad(NativeLibraryLoader.OpenSlide, out var error))
        {
            throw new UnsupportedFileException($"OpenSlide is unavailable: {error}");
        }

        if (slides.Find(path, version) is { } remembered)
        {
            return new OpenSlideTileSource(path, remembered, null);
        }

        OpenSlideHandle? slide;
        try
        {
            slide = Interop.OpenSlide.Open(path);
        }
        catch (NativeLibraryException e)
        {
            throw new UnsupportedFileException($"OpenSlide cannot read '{Path.GetFileName(path)}': {e.Message}", e);
        }

        if (slide is null)
        {
            throw new UnsupportedFileException($"OpenSlide does not recognise '{Path.GetFileName(path)}' as a slide.");
        }

        try
        {
            var facts = OpenSlideFacts.Read(path, slide);
            var source = new OpenSlideTileSource(path, facts, slide);
            slides.Add(path, version, facts);
            return source;
        }
        catch (NativeLibraryException e)
        {
            slide.Dispose();
            throw new UnsupportedFileException($"OpenSlide cannot read '{Path.GetFileName(path)}': {e.Message}", e);
        }
    }
}
