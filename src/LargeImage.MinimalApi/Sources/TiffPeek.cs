using System.Buffers.Binary;
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
    public const int GeoKeyDirectoryTag = 34735;
    public const int ModelPixelScaleTag = 33550;
    public const int ModelTiepointTag = 33922;
    public const int ModelTransformationTag = 34264;
    public const int TileWidthTag = 322;
    private const int ImageDescriptionTag = 270;
    private const int MaxEntries = 4096;
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
        Tags.Contains(GeoKeyDirectoryTag) || Tags.Contains(ModelPixelScaleTag) || Tags.Contains(ModelTiepointTag) || Tags.Contains(ModelTransformationTag);

    public static bool IsTiff(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && ((header[0] == 'I' && header[1] == 'I' && header[3] == 0 && header[2] is 42 or 43)
            || (header[0] == 'M' && header[1] == 'M' && header[2] == 0 && header[3] is 42 or 43));

    /// <summary>Reads the first IFD of a local file; null when it is not a readable TIFF.</summary>
    public static TiffPeek? TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.RandomAccess);
            return TryRead(stream);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads the first IFD from the first bytes of a file; null when it is not a TIFF or the IFD lies beyond them.</summary>
    public static TiffPeek? TryRead(ReadOnlySpan<byte> header)
    {
        using var stream = new MemoryStream(header.ToArray(), writable: false);
        return TryRead(stream);
    }

    private static TiffPeek? TryRead(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 8 || !IsTiff(header))
        {
            return null;
        }

        var little = header[0] == 'I';
        var big = (little ? header[2] : header[3]) == 43;
        var ifd = big ? (long)U64(header[8..], little) : U32(header[4..], little);
        var countSize = big ? 8 : 2;
        var entrySize = big ? 20 : 12;
        var countBytes = ReadAt(stream, ifd, countSize);
        if (countBytes is null)
        {
            return null;
        }

        var count = (int)Math.Min(MaxEntries, big ? (long)U64(countBytes, little) : U16(countBytes, little));
        var entries = ReadAt(stream, ifd + countSize, count * entrySize);
        if (entries is null)
        {
            return null;
        }

        var tags = new HashSet<int>();
        string? description = null;
        for (var i = 0; i < count; i++)
        {
            var entry = entries.AsSpan(i * entrySize, entrySize);
            var tag = U16(entry, little);
            tags.Add(tag);
            if (tag == ImageDescriptionTag)
            {
                description = ReadDescription(stream, entry, little, big);
            }
        }

        return new TiffPeek(tags, description);
    }

    private static string? ReadDescription(Stream stream, ReadOnlySpan<byte> entry, bool little, bool big)
    {
        var length = big ? (long)U64(entry[4..], little) : U32(entry[4..], little);
        var inline = big ? 8 : 4;
        var size = (int)Math.Min(length, MaxDescription);
        byte[]? bytes = length <= inline
            ? entry.Slice(big ? 12 : 8, size).ToArray()
            : ReadAt(stream, big ? (long)U64(entry[12..], little) : U32(entry[8..], little), size);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes).TrimEnd('\0');
    }

    private static byte[]? ReadAt(Stream stream, long offset, int length)
    {
        if (offset <= 0 || length < 0 || offset + length > stream.Length)
        {
            return null;
        }

        var buffer = new byte[length];
        stream.Position = offset;
        return stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false) == length ? buffer : null;
    }

    private static ushort U16(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint U32(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);

    private static ulong U64(ReadOnlySpan<byte> bytes, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
}
