using System.Buffers;
using LargeImage.MinimalApi.Native;
using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// The JPEG-compressed tiles of one stored TIFF level, read from the file and decoded with TurboJPEG on the
/// request's thread, as IIPImage does, or handed out as stored when a JPEG of exactly one tile is wanted. libvips
/// would hand each read to a worker thread and keep a tile cache per open image; for the common case, a tile-aligned
/// read of an 8-bit RGB pyramid, neither is needed.
/// Only three-sample, 8-bit, chunky YCbCr or RGB levels whose JPEG says the same colour space qualify; a tile that
/// does not decode cleanly is left to libvips. RGB levels get an Adobe marker saying so: libtiff (and Aperio) write
/// their JPEG without one, and libjpeg, as a browser's decoder, would read it as YCbCr.
/// </summary>
internal sealed class TiffJpegTiles
{
    private const int CompressionJpeg = 7;
    private const int PhotometricRgb = 2;
    private const int PhotometricYCbCr = 6;
    private const int MaxTables = 64 * 1024;
    private const int MaxTileEdge = 1024;

    /// <summary>Compressed bytes per pixel beyond which a tile is not plausible JPEG and is not read into memory.</summary>
    private const int MaxBytesPerPixel = 6;

    private readonly SafeFileHandle file;

    /// <summary>What every tile's stream starts with: the start marker, the Adobe marker of an RGB level, the tables.</summary>
    private readonly byte[] prefix;
    private readonly long[] offsets;
    private readonly long[] byteCounts;
    private readonly int tileWidth;
    private readonly int tileHeight;
    private readonly long columns;
    private readonly bool ycbcr;

    private static ReadOnlySpan<byte> StartOfImage => [0xFF, 0xD8];

    private static ReadOnlySpan<byte> EndOfImage => [0xFF, 0xD9];

    /// <summary>An APP14 "Adobe" segment with transform 0: the three components are RGB, not YCbCr.</summary>
    private static ReadOnlySpan<byte> AdobeRgb => [0xFF, 0xEE, 0x00, 0x0E, (byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0x00, 0x64, 0x00, 0x00, 0x00, 0x00, 0x00];

    private TiffJpegTiles(
        SafeFileHandle file, byte[] prefix, long[] offsets, long[] byteCounts, int tileWidth, int tileHeight, long columns, bool ycbcr)
    {
        this.file = file;
        this.prefix = prefix;
        this.offsets = offsets;
        this.byteCounts = byteCounts;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.columns = columns;
        this.ycbcr = ycbcr;
    }

    /// <summary>A handle for tile reads; null when the file cannot be opened, and tiles are then read another way.</summary>
    public static SafeFileHandle? OpenFile(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The stored level's tiles when they qualify; else null.</summary>
    /// <param name="path">The TIFF, read here only for its directories.</param>
    /// <param name="file">An open handle to the same file that tile reads use; owned by the caller.</param>
    /// <param name="page">The page holding the level.</param>
    /// <param name="subIfd">Which of the page's sub-IFDs holds it, or -1 for the page itself.</param>
    public static TiffJpegTiles? TryOpen(string path, SafeFileHandle file, int page, int subIfd) =>
        page < 0 ? null : TryOpen(path, file, stream => TiffDirectory.ReadPage(stream, page, subIfd));

    /// <summary>
    /// The tiles of the first tiled page <paramref name="width"/> × <paramref name="height"/> pixels when they qualify;
    /// else null. For readers that know a level by its size, as OpenSlide's are.
    /// </summary>
    public static TiffJpegTiles? TryOpenBySize(string path, SafeFileHandle file, long width, long height) => TryOpen(path, file, stream =>
        TiffDirectory.ReadPages(stream).FirstOrDefault(d =>
            d.Number(TiffTag.ImageWidth) == width && d.Number(TiffTag.ImageLength) == height && d.Number(TiffTag.TileWidth) is not null));

    private static TiffJpegTiles? TryOpen(string path, SafeFileHandle file, Func<Stream, TiffDirectory?> find) =>
        Interop.TurboJpeg.IsAvailable
            ? TiffDirectory.ReadFile(path, stream => find(stream) is { } directory ? TryOpen(directory, file) : null, null)
            : null;

    /// <summary>
    /// Copies the level pixels the plan crops into <paramref name="target"/> (RGB rows, or RGBA with opaque alpha for
    /// four <paramref name="bands"/>, <paramref name="targetStride"/> bytes apart, starting at the crop's top-left),
    /// decoding every stored tile the crop touches; false when one of them is missing or does not decode cleanly, and
    /// the caller reads the crop another way.
    /// </summary>
    public bool TryCopy(RegionPlan plan, Span<byte> target, int targetStride, int bands = 3)
    {
        var (firstColumn, lastColumn) = (plan.CropX / tileWidth, (plan.CropX + plan.CropWidth - 1) / tileWidth);
        var (firstRow, lastRow) = (plan.CropY / tileHeight, (plan.CropY + plan.CropHeight - 1) / tileHeight);
        if (plan.CropX % tileWidth == 0 && plan.CropY % tileHeight == 0 && plan.CropWidth == tileWidth && plan.CropHeight == tileHeight)
        {
            return TryDecode((firstRow * columns) + firstColumn, target, targetStride, bands);
        }

        // A TIFF's tiles are full size even at the right and bottom edges; the padding is decoded and dropped.
        var decoded = PixelBuffers.Rent(tileWidth * tileHeight * bands, clear: false);
        try
        {
            for (long row = firstRow; row <= lastRow; row++)
            {
                for (long column = firstColumn; column <= lastColumn; column++)
                {
                    if (!TryDecode((row * columns) + column, decoded, tileWidth * bands, bands))
                    {
                        return false;
                    }

                    var left = (int)Math.Max(plan.CropX, column * tileWidth);
                    var right = (int)Math.Min(plan.CropX + plan.CropWidth, (column + 1) * tileWidth);
                    var top = (int)Math.Max(plan.CropY, row * tileHeight);
                    var bottom = (int)Math.Min(plan.CropY + plan.CropHeight, (row + 1) * tileHeight);
                    var from = (left - (int)(column * tileWidth)) * bands;
                    var into = (left - plan.CropX) * bands;
                    for (var y = top; y < bottom; y++)
                    {
                        decoded.AsSpan(((y - (int)(row * tileHeight)) * tileWidth * bands) + from, (right - left) * bands)
                            .CopyTo(target[(((y - plan.CropY) * targetStride) + into)..]);
                    }
                }
            }

            return true;
        }
        finally
        {
            PixelBuffers.Return(decoded);
        }
    }

    /// <summary>
    /// The stored tile that a <paramref name="width"/> × <paramref name="height"/> output is exactly, as one complete
    /// JPEG stream, when its header promises the level's tile size and colour space; null when the plan resamples, does
    /// not fill the output or does not crop exactly one stored tile, or the tile is missing or not that JPEG. Only the
    /// header is checked: the compressed data goes out as the file holds it.
    /// </summary>
    public byte[]? TryReadStored(RegionPlan plan, int width, int height)
    {
        if (!plan.IsCopy || !plan.Covers(width, height) || plan.CropX % tileWidth != 0 || plan.CropY % tileHeight != 0 || plan.CropWidth != tileWidth || plan.CropHeight != tileHeight)
        {
            return null;
        }

        var jpeg = ReadStream(((plan.CropY / tileHeight) * columns) + (plan.CropX / tileWidth), pooled: false, out _);
        return jpeg is not null && Interop.TurboJpeg.HasRgbLayout(jpeg, ycbcr, tileWidth, tileHeight) == true ? jpeg : null;
    }

    /// <summary>
    /// Whether the level's first readable tile has the size and colour space the tags promise (an RGB level whose JPEG
    /// says YCbCr, with a JFIF marker, does not). It is a property of the whole level: without this check every one of
    /// its tiles would be read and declined before libvips read it again.
    /// </summary>
    private bool HasExpectedLayout()
    {
        const int MaxProbes = 16;
        for (var index = 0; index < Math.Min(offsets.Length, MaxProbes); index++)
        {
            if (ReadStream(index, pooled: true, out var length) is not { } jpeg)
            {
                continue;
            }

            try
            {
                if (Interop.TurboJpeg.HasRgbLayout(jpeg.AsSpan(0, length), ycbcr, tileWidth, tileHeight) is { } matches)
                {
                    return matches;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(jpeg);
            }
        }

        return false;
    }

    /// <summary>Decodes tile <paramref name="index"/> into RGB or RGBA rows <paramref name="stride"/> bytes apart.</summary>
    private bool TryDecode(long index, Span<byte> target, int stride, int bands)
    {
        if (ReadStream(index, pooled: true, out var length) is not { } jpeg)
        {
            return false;
        }

        try
        {
            return Interop.TurboJpeg.TryDecompressRgb(jpeg.AsSpan(0, length), ycbcr, target, tileWidth, tileHeight, stride, bands);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(jpeg);
        }
    }

    /// <summary>
    /// Tile <paramref name="index"/> as one complete JPEG stream: the level's prefix, then the tile without its start
    /// marker. Null when the tile is missing, implausibly large or unreadable. Pooled, the stream starts a buffer from
    /// the shared array pool (its length differs from tile to tile, which the exact-size <see cref="PixelBuffers"/>
    /// would keep buffers of for each); else it is a new array of exactly its length.
    /// </summary>
    private byte[]? ReadStream(long index, bool pooled, out int length)
    {
        length = 0;
        if (index >= offsets.Length || offsets[index] <= 0 || byteCounts[index] <= 2
            || byteCounts[index] > (long)tileWidth * tileHeight * MaxBytesPerPixel)
        {
            return null;
        }

        const int StartMarker = 2;
        length = prefix.Length + (int)byteCounts[index] - StartMarker;
        var jpeg = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        prefix.CopyTo(jpeg, 0);
        if (TryRead(jpeg.AsSpan(prefix.Length, length - prefix.Length), offsets[index] + StartMarker))
        {
            return jpeg;
        }

        if (pooled)
        {
            ArrayPool<byte>.Shared.Return(jpeg);
        }

        return null;
    }

    private bool TryRead(Span<byte> destination, long offset)
    {
        try
        {
            return RandomAccess.Read(file, destination, offset) == destination.Length;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static TiffJpegTiles? TryOpen(TiffDirectory directory, SafeFileHandle file)
    {
        var photometric = directory.Number(TiffTag.Photometric);
        var tileWidth = directory.Number(TiffTag.TileWidth) ?? 0;
        var tileHeight = directory.Number(TiffTag.TileLength) ?? 0;
        var width = directory.Number(TiffTag.ImageWidth) ?? 0;
        var height = directory.Number(TiffTag.ImageLength) ?? 0;
        if (directory.Number(TiffTag.Compression) != CompressionJpeg
            || photometric is not (PhotometricRgb or PhotometricYCbCr)
            || directory.Number(TiffTag.SamplesPerPixel) != 3
            || directory.Numbers(TiffTag.BitsPerSample, 3) is not { } bits || bits.Any(b => b != 8)
            || (directory.Number(TiffTag.PlanarConfiguration) ?? 1) != 1
            || tileWidth is <= 0 or > MaxTileEdge || tileHeight is <= 0 or > MaxTileEdge || width <= 0 || height <= 0)
        {
            return null;
        }

        var columns = (width + tileWidth - 1) / tileWidth;
        var tiles = columns * ((height + tileHeight - 1) / tileHeight);
        var tables = directory.Bytes(TiffTag.JpegTables, MaxTables) ?? [];
        if (directory.Numbers(TiffTag.TileOffsets, tiles) is not { Length: var count } offsets || count != tiles
            || directory.Numbers(TiffTag.TileByteCounts, tiles) is not { } byteCounts || byteCounts.Length != tiles
            || (tables.Length > 0 && (tables.Length < 4 || !tables.AsSpan().StartsWith(StartOfImage) || !tables.AsSpan().EndsWith(EndOfImage))))
        {
            return null;
        }

        var ycbcr = photometric == PhotometricYCbCr;
        byte[] prefix = [.. StartOfImage, .. ycbcr ? [] : AdobeRgb, .. tables.Length > 0 ? tables.AsSpan(2, tables.Length - 4) : []];
        var level = new TiffJpegTiles(file, prefix, offsets, byteCounts, (int)tileWidth, (int)tileHeight, columns, ycbcr);
        return level.HasExpectedLayout() ? level : null;
    }
}
