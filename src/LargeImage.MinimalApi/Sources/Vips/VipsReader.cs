using System.Collections.ObjectModel;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// The libvips reader: pyramidal and tiled TIFF, OME-TIFF, SVS pages, and plain PNG/JPEG/WebP/… images.
/// </summary>
/// <param name="rememberedFiles">Files whose layout is remembered for a reopen.</param>
internal sealed class VipsReader(int rememberedFiles = LargeImageDefaults.RememberedFiles) : ITileSourceReader
{
    public const string ReaderName = "vips";

    /// <summary>Whole-slide formats OpenSlide reads better (it knows their levels, offsets and associated images).</summary>
    private static readonly HashSet<string> SlideExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".svs", ".ndpi", ".scn", ".bif", ".vms", ".vmu", ".svslide", ".mrxs",
    };

    /// <summary>Files whose layout is remembered for a reopen.</summary>
    private readonly FileFactsCache<VipsLayout> layouts = new(rememberedFiles);

    private static ReadOnlySpan<byte> PngMagic => [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    public string Name => ReaderName;

    public bool SendsStoredJpegTiles => true;

    public bool IsAvailable => VipsRuntime.IsAvailable;

    public string Version => VipsRuntime.Version;

    public int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection)
    {
        if (wantsProjection || !IsAvailable)
        {
            return null;
        }

        var extension = Path.GetExtension(path);
        if (TiffPeek.IsTiff(header))
        {
            return TiffPriority(path, extension);
        }

        if (IsPlainImage(header))
        {
            return SourcePriority.Higher;
        }

        return SlideExtensions.Contains(extension) || header.Length == 0 ? null : SourcePriority.Fallback;
    }

    public ITileSource Open(string path, string? projection, string? version = null)
    {
        if (projection is not null)
        {
            throw new InvalidParameterException("projection", $"'{Path.GetFileName(path)}' is not georeferenced; it cannot be opened in {projection}.");
        }

        if (!IsAvailable)
        {
            throw new UnsupportedFileException($"libvips is unavailable: {Version}");
        }

        if (layouts.Find(path, version) is { } remembered)
        {
            return new VipsTileSource(path, remembered, ReadOnlyDictionary<VipsLayout.StoredLevel, Image>.Empty);
        }

        var (layout, images) = VipsLayoutReader.Read(path);
        try
        {
            var source = new VipsTileSource(path, layout, images);
            if (layout.IsWorthRemembering)
            {
                layouts.Add(path, version, layout);
            }

            return source;
        }
        catch
        {
            foreach (var image in images.Values)
            {
                image.Dispose();
            }

            throw;
        }
    }

    private static int TiffPriority(string path, string extension)
    {
        if (SlideExtensions.Contains(extension))
        {
            return SourcePriority.Lower;
        }

        var peek = TiffPeek.TryRead(path);
        if (path.EndsWith(".ome.tif", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ome.tiff", StringComparison.OrdinalIgnoreCase)
            || OmeMetadata.LooksLikeOme(peek?.Description))
        {
            return SourcePriority.Preferred;
        }

        if (peek is null)
        {
            return SourcePriority.Medium;
        }

        if (peek.IsGeoreferenced)
        {
            return SourcePriority.Low;
        }

        return AperioDescription.IsAperio(peek.Description) ? SourcePriority.Lower
            : peek.Tags.Contains(TiffTag.TileWidth) ? SourcePriority.High
            : SourcePriority.Medium;
    }

    private static bool IsPlainImage(ReadOnlySpan<byte> header) =>
        header.StartsWith(PngMagic)
        || header.StartsWith(JpegMagic)
        || (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        || header.StartsWith("GIF8"u8)
        || (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8));
}
