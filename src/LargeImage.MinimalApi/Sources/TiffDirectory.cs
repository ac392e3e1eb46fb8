using System.Buffers.Binary;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// One image file directory of a TIFF (classic or BigTIFF) read from a stream: its tags and their values, the next
/// page's directory and its sub-IFDs. Every read is bounded, so a hostile file costs a few small reads at most.
/// </summary>
internal sealed class TiffDirectory
{
    private const int MaxEntries = 4096;
    private const int MaxPages = 4096;

    private readonly Stream stream;
    private readonly bool little;
    private readonly bool big;
    private readonly Dictionary<int, Entry> entries;
    private readonly long next;

    private TiffDirectory(Stream stream, bool little, bool big, Dictionary<int, Entry> entries, long next)
    {
        this.stream = stream;
        this.little = little;
        this.big = big;
        this.entries = entries;
        this.next = next;
    }

    public IReadOnlyCollection<int> Tags => entries.Keys;

    public static bool IsTiff(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && ((header[0] == 'I' && header[1] == 'I' && header[3] == 0 && header[2] is 42 or 43)
            || (header[0] == 'M' && header[1] == 'M' && header[2] == 0 && header[3] is 42 or 43));

    /// <summary>The first page's directory; null when the stream is not a TIFF or the directory lies beyond it.</summary>
    public static TiffDirectory? ReadFirst(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        stream.Position = 0;
        if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 8 || !IsTiff(header))
        {
            return null;
        }

        var little = header[0] == 'I';
        var big = (little ? header[2] : header[3]) == 43;
        return Read(stream, little, big, big ? (long)U64(header[8..], little) : U32(header[4..], little));
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a stream of the local file at <paramref name="path"/>; <paramref name="unreadable"/>
    /// when the file cannot be opened or read.
    /// </summary>
    public static T ReadFile<T>(string path, Func<Stream, T> read, T unreadable)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.RandomAccess);
            return read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return unreadable;
        }
    }

    /// <summary>The stream's page directories in order, read as they are asked for; a looping chain ends at 4096 pages.</summary>
    public static IEnumerable<TiffDirectory> ReadPages(Stream stream)
    {
        var directory = ReadFirst(stream);
        for (var page = 0; directory is not null && page < MaxPages; page++, directory = directory.ReadNext())
        {
            yield return directory;
        }
    }

    /// <summary>Page <paramref name="page"/>'s directory, or its <paramref name="subIfd"/>th sub-IFD's (-1: the page's own); null when there is none.</summary>
    public static TiffDirectory? ReadPage(Stream stream, int page, int subIfd)
    {
        var directory = page < 0 ? null : ReadPages(stream).Skip(page).FirstOrDefault();
        return subIfd >= 0 ? directory?.ReadSubIfd(subIfd) : directory;
    }

    /// <summary>The directory of the next page, or null after the last.</summary>
    public TiffDirectory? ReadNext() => next > 0 ? Read(stream, little, big, next) : null;

    /// <summary>The <paramref name="index"/>th directory named by this page's <c>SubIFDs</c> tag, or null.</summary>
    public TiffDirectory? ReadSubIfd(int index)
    {
        return Numbers(TiffTag.SubIfds, MaxEntries) is { } offsets && offsets.Length > index ? Read(stream, little, big, offsets[index]) : null;
    }

    /// <summary>The tag's value when it is one integer; null when absent, not an integer type, or several values.</summary>
    public long? Number(int tag) => Numbers(tag, 1) is [var value, ..] ? value : null;

    /// <summary>The tag's integer values, or null when absent, not an integer type, or longer than <paramref name="maxCount"/>.</summary>
    public long[]? Numbers(int tag, long maxCount)
    {
        if (!entries.TryGetValue(tag, out var entry) || entry.Count > maxCount || SizeOf(entry.Type) is not (> 0 and var size)
            || entry.Type is 2 or 5 or 7 or 10 or 11 or 12 || Data(entry) is not { } bytes)
        {
            return null;
        }

        var values = new long[entry.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var item = bytes.AsSpan(i * size, size);
            values[i] = size switch
            {
                1 => item[0],
                2 => U16(item, little),
                4 => U32(item, little),
                _ => (long)U64(item, little),
            };
        }

        return values;
    }

    /// <summary>The tag's raw bytes (ASCII or UNDEFINED data), at most <paramref name="maxLength"/> of them; null when absent.</summary>
    public byte[]? Bytes(int tag, int maxLength)
    {
        if (!entries.TryGetValue(tag, out var entry) || SizeOf(entry.Type) != 1)
        {
            return null;
        }

        return Data(entry with { Count = Math.Min(entry.Count, maxLength) });
    }

    private static TiffDirectory? Read(Stream stream, bool little, bool big, long offset)
    {
        var countSize = big ? 8 : 2;
        var entrySize = big ? 20 : 12;
        if (ReadAt(stream, offset, countSize) is not { } countBytes)
        {
            return null;
        }

        var count = (int)Math.Min(MaxEntries, big ? (long)U64(countBytes, little) : U16(countBytes, little));
        if (ReadAt(stream, offset + countSize, count * entrySize) is not { } table)
        {
            return null;
        }

        var entries = new Dictionary<int, Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = table.AsSpan(i * entrySize, entrySize);
            var tagCount = big ? (long)Math.Min(U64(entry[4..], little), int.MaxValue) : U32(entry[4..], little);
            entries.TryAdd(U16(entry, little), new Entry(U16(entry[2..], little), tagCount, entry[(big ? 12 : 8)..].ToArray()));
        }

        // A peek at the first bytes of a file may end before the next page's pointer; that reads as the last page.
        var nextField = ReadAt(stream, offset + countSize + (count * entrySize), big ? 8 : 4);
        var next = nextField is null ? 0 : big ? (long)U64(nextField, little) : U32(nextField, little);
        return new TiffDirectory(stream, little, big, entries, next == offset ? 0 : next);
    }

    private byte[]? Data(Entry entry)
    {
        var length = entry.Count * SizeOf(entry.Type);
        if (length > int.MaxValue)
        {
            return null;
        }

        if (length <= entry.Field.Length)
        {
            return entry.Field[..(int)length];
        }

        var offset = big ? (long)U64(entry.Field, little) : U32(entry.Field, little);
        return ReadAt(stream, offset, (int)length);
    }

    private static int SizeOf(int type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 or 16 or 17 or 18 => 8,
        _ => 0,
    };

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

    /// <param name="Type">The TIFF field type (1 BYTE, 3 SHORT, 4 LONG, 16 LONG8, …).</param>
    /// <param name="Count">How many values of the type.</param>
    /// <param name="Field">The entry's value field: the value itself when it fits, else the offset of the data.</param>
    private readonly record struct Entry(int Type, long Count, byte[] Field);
}
