using System.Text;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// A few bounded reads of a TIFF's first IFD (classic or BigTIFF): which tags it has and the start of its
/// <c>ImageDescription</c>. Enough to rank readers without decoding anything: GeoTIFF tags send a file to GDAL,
/// an Aperio or OME description to the slide readers. The IFD is followed wherever it lies (libvips writes it at the
/// end of the file).
/// </summary>
internal sealed class TiffPeek
{
    private const int MaxDescription = 64 * 1024;

    private TiffPeek(IReadOnlySet<int> tags, string? description)
    {
        Tags = tags;
        Description = description;
    }

    public IReadOnlySet<int> Tags { get; }

    /// <summary>The first bytes of <c>ImageDescription</c>, or null when absent.</summary>
    public string? Description { get; }

    public bool IsGeoreferenced =>
        Tags.Contains(TiffTag.GeoKeyDirectory) || Tags.Contains(TiffTag.ModelPixelScale) || Tags.Contains(TiffTag.ModelTiepoint)
        || Tags.Contains(TiffTag.ModelTransformation);

    public static bool IsTiff(ReadOnlySpan<byte> header) => TiffDirectory.IsTiff(header);

    /// <summary>Reads the first IFD of a local file; null when it is not a readable TIFF.</summary>
    public static TiffPeek? TryRead(string path) => TiffDirectory.ReadFile(path, TryRead, null);

    /// <summary>Reads the first IFD from the first bytes of a file; null when it is not a TIFF or the IFD lies beyond them.</summary>
    public static TiffPeek? TryRead(ReadOnlySpan<byte> header)
    {
        using var stream = new MemoryStream(header.ToArray(), writable: false);
        return TryRead(stream);
    }

    private static TiffPeek? TryRead(Stream stream)
    {
        if (TiffDirectory.ReadFirst(stream) is not { } first)
        {
            return null;
        }

        var description = first.Bytes(TiffTag.ImageDescription, MaxDescription) is { } bytes ? Encoding.UTF8.GetString(bytes).TrimEnd('\0') : null;
        return new TiffPeek(first.Tags.ToHashSet(), description);
    }
}
