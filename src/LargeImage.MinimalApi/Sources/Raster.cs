namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// A block of pixels read from a source, before styling: pixel-interleaved samples plus a validity mask.
/// 8-bit data stays in <see cref="Bytes"/> (the common case, and the fast path for encoding); every other
/// type is widened to <see cref="Values"/> so rendering and statistics need one code path.
/// </summary>
internal sealed class Raster
{
    private Raster(int width, int height, int bandCount, PixelType type, byte[]? bytes, double[]? values, byte[]? mask)
    {
        Width = width;
        Height = height;
        BandCount = bandCount;
        Type = type;
        Bytes = bytes;
        Values = values;
        Mask = mask;
    }

    public int Width { get; }

    public int Height { get; }

    public int BandCount { get; }

    /// <summary>The source's sample type (values keep their native meaning even when widened).</summary>
    public PixelType Type { get; }

    /// <summary>Samples when <see cref="Type"/> is <see cref="PixelType.UInt8"/>, length W·H·bands.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Samples for every other type, length W·H·bands.</summary>
    public double[]? Values { get; }

    /// <summary>Per-pixel validity (0 = no data, 255 = data), length W·H; null when every pixel is valid.</summary>
    public byte[]? Mask { get; }

    public static Raster FromBytes(int width, int height, int bandCount, byte[] samples, byte[]? mask = null)
    {
        Check(width, height, bandCount, samples.Length, mask);
        return new Raster(width, height, bandCount, PixelType.UInt8, samples, null, mask);
    }

    public static Raster FromValues(int width, int height, int bandCount, PixelType type, double[] samples, byte[]? mask = null)
    {
        Check(width, height, bandCount, samples.Length, mask);
        return new Raster(width, height, bandCount, type, null, samples, mask);
    }

    /// <summary>The sample of <paramref name="band"/> (0-based) at pixel index <paramref name="pixel"/> (y·W + x).</summary>
    public double this[int pixel, int band] =>
        Bytes is { } b ? b[(pixel * BandCount) + band] : Values![(pixel * BandCount) + band];

    public bool IsValid(int pixel) => Mask is null || Mask[pixel] != 0;

    /// <summary>Hands the 8-bit samples back to <see cref="PixelBuffers"/> once the tile is encoded; the raster is unusable after.</summary>
    public void Release() => PixelBuffers.Return(Bytes);

    private static void Check(int width, int height, int bandCount, int length, byte[]? mask)
    {
        if (width <= 0 || height <= 0 || bandCount <= 0 || length != width * height * bandCount)
        {
            throw new ArgumentException($"Sample buffer of {length} does not hold {width}x{height}x{bandCount}.");
        }

        if (mask is not null && mask.Length != width * height)
        {
            throw new ArgumentException("Mask length does not match the raster size.");
        }
    }
}
