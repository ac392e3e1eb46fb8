using System.Buffers;
using LargeImage.MinimalApi.Native;
using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// The JPEG-compressed tiles of one stored TIFF level, read from the file and decoded with TurboJPEG on the
/// request's thread, as IIPImage does, or handed out as stored when a JPEG of exactly one tile is wanted. libvips
/// would hand each read to a worker thread and keep a tile cache per open image; for the common case, a tile-aligned
/// read of an 8-bit RGB pyramid, neither is needed.
/// Only three-sample, 8-bit, chunky YCbCr or RGB levels whose JPEG says the same colour space qualify; a tile that
/// does not decode cleanly is left to libvips.
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
    private readonly byte[] tables;
    private readonly long[] offsets;
    private readonly long[] byteCounts;
    private readonly int tileWidth;
    private readonly int tileHeight;
    private readonly long columns;
    private readonly bool ycbcr;

    private TiffJpegTiles(
        SafeFileHandle file, byte[] tables, long[] offsets, long[] byteCounts, int tileWidth, int tileHeight, long columns, bool ycbcr)
    {
        this.file = file;
        this.tables = tables;
        this.offsets = offsets;
        this.byteCounts = byteCounts;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.columns = columns;
        this.ycbcr = ycbcr;
    }

    /// <summary>The stored level's tiles when they qualify; else null.</summary>
    /// <param name="path">The TIFF, read here only for its directories.</param>
    /// <param name="file">An open handle to the same file that tile reads use; owned by the caller.</param>
    /// <param name="page">The page holding the level.</param>
    /// <param name="subIfd">Which of the page's sub-IFDs holds it, or -1 for the page itself.</param>
    public static TiffJpegTiles? TryOpen(string path, SafeFileHandle file, int page, int subIfd)
    {
        if (page < 0 || !Interop.TurboJpeg.IsAvailable)
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.RandomAccess);
            var directory = TiffDirectory.ReadFirst(stream);
            for (var i = 0; i < page && directory is not null; i++)
            {
                directory = directory.ReadNext();
            }

            if (subIfd >= 0)
            {
                directory = directory?.ReadSubIfd(subIfd);
            }

            return directory is null ? null : TryOpen(directory, file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Copies the level pixels the plan crops into <paramref name="target"/> (RGB rows <paramref name="targetStride"/>
    /// bytes apart, starting at the crop's top-left) when the crop lies inside one stored tile; false when it does not,
    /// or the tile is missing or does not decode cleanly, and the caller reads it another way.
    /// </summary>
    public bool TryCopy(RegionPlan plan, Span<byte> target, int targetStride)
    {
        var column = plan.CropX / tileWidth;
        var row = plan.CropY / tileHeight;
        if ((plan.CropX + plan.CropWidth - 1) / tileWidth != column || (plan.CropY + plan.CropHeight - 1) / tileHeight != row)
        {
            return false;
        }

        if (ReadStream((row * columns) + column, pooled: true, out var length) is not { } jpeg)
        {
            return false;
        }

        // A TIFF's tiles are full size even at the right and bottom edges; the padding is decoded and dropped.
        var whole = plan.CropWidth == tileWidth && plan.CropHeight == tileHeight;
        var decoded = whole ? null : PixelBuffers.Rent(tileWidth * tileHeight * 3, clear: false);
        try
        {
            var stream = jpeg.AsSpan(0, length);
            if (decoded is null)
            {
                return Interop.TurboJpeg.TryDecompressRgb(stream, ycbcr, target, tileWidth, tileHeight, targetStride);
            }

            if (!Interop.TurboJpeg.TryDecompressRgb(stream, ycbcr, decoded, tileWidth, tileHeight, tileWidth * 3))
            {
                return false;
            }

            var left = (plan.CropX % tileWidth) * 3;
            var top = plan.CropY % tileHeight;
            for (var y = 0; y < plan.CropHeight; y++)
            {
                decoded.AsSpan(((top + y) * tileWidth * 3) + left, plan.CropWidth * 3).CopyTo(target[(y * targetStride)..]);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(jpeg);
            if (decoded is not null)
            {
                PixelBuffers.Return(decoded);
            }
        }
    }

    /// <summary>
    /// The stored tile the plan crops whole, as one complete JPEG stream, when its header promises the level's tile size
    /// and colour space; null when the crop is not exactly one stored tile, or the tile is missing or not that JPEG.
    /// Only the header is checked: the compressed data goes out as the file holds it.
    /// </summary>
    public byte[]? TryReadStored(RegionPlan plan)
    {
        if (plan.CropX % tileWidth != 0 || plan.CropY % tileHeight != 0 || plan.CropWidth != tileWidth || plan.CropHeight != tileHeight)
        {
            return null;
        }

        var jpeg = ReadStream(((plan.CropY / tileHeight) * columns) + (plan.CropX / tileWidth), pooled: false, out _);
        return jpeg is not null && Interop.TurboJpeg.HasRgbLayout(jpeg, ycbcr, tileWidth, tileHeight) == true ? jpeg : null;
    }

    /// <summary>
    /// Whether the level's first readable tile has the size and colour space the tags promise. RGB-photometric JPEG
    /// without a marker saying so reads as YCbCr to libjpeg, and it is a property of the whole level: without this
    /// check every one of its tiles would be read and declined before libvips read it again.
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

    /// <summary>
    /// Tile <paramref name="index"/> as one complete JPEG stream: the level's tables without their end marker, then the
    /// tile without its start marker. Null when the tile is missing, implausibly large or unreadable. Pooled, the stream
    /// starts a buffer from the shared array pool (its length differs from tile to tile, which the exact-size
    /// <see cref="PixelBuffers"/> would keep buffers of for each); else it is a new array of exactly its length.
    /// </summary>
    private byte[]? ReadStream(long index, bool pooled, out int length)
    {
        length = 0;
        if (index >= offsets.Length || offsets[index] <= 0 || byteCounts[index] <= 2
            || byteCounts[index] > (long)tileWidth * tileHeight * MaxBytesPerPixel)
        {
            return null;
        }

        var skip = tables.Length > 0 ? 2 : 0;
        length = tables.Length + (int)byteCounts[index] - skip;
        var jpeg = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        tables.CopyTo(jpeg, 0);
        if (TryRead(jpeg.AsSpan(tables.Length, length - tables.Length), offsets[index] + skip))
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
            || tables.Length is > 0 and < 4)
        {
            return null;
        }

        var level = new TiffJpegTiles(
            file, tables.Length > 0 ? tables[..^2] : [], offsets, byteCounts, (int)tileWidth, (int)tileHeight, columns, photometric == PhotometricYCbCr);
        return level.HasExpectedLayout() ? level : null;
    }
}
