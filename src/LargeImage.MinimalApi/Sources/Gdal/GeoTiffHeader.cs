using System.Buffers.Binary;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Tells from the first bytes of a TIFF whether its first IFD carries GeoTIFF tags, so a georeferenced TIFF goes to
/// GDAL and a plain or pyramidal one to the imaging readers, without opening the file.
/// </summary>
internal static class GeoTiffHeader
{
    private static readonly ushort[] GeoTags = [33550, 33922, 34264, 34735];

    /// <summary>True or false when the first IFD lies inside <paramref name="header"/>; null when it cannot tell.</summary>
    public static bool? HasGeoTags(ReadOnlySpan<byte> header)
    {
        if (header.Length < 16)
        {
            return null;
        }

        bool little;
        if (header[0] == 'I' && header[1] == 'I')
        {
            little = true;
        }
        else if (header[0] == 'M' && header[1] == 'M')
        {
            little = false;
        }
        else
        {
            return null;
        }

        var magic = U16(header[2..], little);
        return magic switch
        {
            42 => Scan(header, U32(header[4..], little), little, bigTiff: false),
            43 => Scan(header, (long)U64(header[8..], little), little, bigTiff: true),
            _ => null,
        };
    }

    private static bool? Scan(ReadOnlySpan<byte> header, long offset, bool little, bool bigTiff)
    {
        var countSize = bigTiff ? 8 : 2;
        var entrySize = bigTiff ? 20 : 12;
        if (offset <= 0 || offset + countSize > header.Length)
        {
            return null;
        }

        var count = bigTiff ? (long)U64(header[(int)offset..], little) : U16(header[(int)offset..], little);
        var first = offset + countSize;
        for (var i = 0L; i < count; i++)
        {
            var entry = first + (i * entrySize);
            if (entry + 2 > header.Length)
            {
                return null;
            }

            if (Array.IndexOf(GeoTags, U16(header[(int)entry..], little)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

    private static ulong U64(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(b) : BinaryPrimitives.ReadUInt64BigEndian(b);
}
