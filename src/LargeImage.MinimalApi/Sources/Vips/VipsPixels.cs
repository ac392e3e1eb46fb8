using LargeImage.MinimalApi.Errors;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>Moves pixels between NetVips images and <see cref="Raster"/>s, and resamples blocks to an exact size.</summary>
internal static class VipsPixels
{
    public static PixelType ToPixelType(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar => PixelType.UInt8,
        Enums.BandFormat.Char => PixelType.Int8,
        Enums.BandFormat.Ushort => PixelType.UInt16,
        Enums.BandFormat.Short => PixelType.Int16,
        Enums.BandFormat.Uint => PixelType.UInt32,
        Enums.BandFormat.Int => PixelType.Int32,
        Enums.BandFormat.Float => PixelType.Float32,
        Enums.BandFormat.Double => PixelType.Float64,
        _ => throw new UnsupportedFileException($"Sample format {format} is not supported."),
    };

    /// <summary>Reads a whole (small) image into a raster with no mask.</summary>
    public static Raster ToRaster(Image image)
    {
        var type = ToPixelType(image.Format);
        return type == PixelType.UInt8
            ? Raster.FromBytes(image.Width, image.Height, image.Bands, image.WriteToMemory<byte>())
            : Raster.FromValues(image.Width, image.Height, image.Bands, type, Widen(image, type));
    }

    /// <summary>
    /// Builds a <paramref name="width"/> × <paramref name="height"/> raster with <paramref name="block"/> (already
    /// resampled to the plan's landing size) placed where the plan says and everything else masked as off-image.
    /// </summary>
    public static Raster Compose(Image? block, RegionPlan plan, int width, int height, int bands, PixelType type)
    {
        if (type == PixelType.UInt8)
        {
            var raster = plan.RentLanding(width, height, bands);
            if (block is not null && !plan.IsEmpty)
            {
                CopyRows(block, plan, width, bands, raster.Bytes!);
            }

            return raster;
        }

        var pixels = width * height;
        var mask = plan.LandingMask(width, height);
        if (block is null || plan.IsEmpty)
        {
            return Raster.FromValues(width, height, bands, type, new double[pixels * bands], mask);
        }

        var source = Widen(block, type);
        var widened = new double[pixels * bands];
        var rowLength = plan.OutWidth * bands;
        for (var row = 0; row < plan.OutHeight; row++)
        {
            Array.Copy(source, row * rowLength, widened, plan.LandingOffset(width, bands, row), rowLength);
        }

        return Raster.FromValues(width, height, bands, type, widened, mask);
    }

    /// <summary>
    /// Resamples to exactly <paramref name="width"/> × <paramref name="height"/>. Alpha is premultiplied around
    /// smoothing kernels so transparent pixels do not bleed their colour into neighbours.
    /// </summary>
    public static Image Resample(Image image, int width, int height, Enums.Kernel kernel)
    {
        if (image.Width == width && image.Height == height)
        {
            return image.Copy();
        }

        var smooth = kernel != Enums.Kernel.Nearest && image.HasAlpha();
        var format = image.Format;
        using var input = smooth ? image.Premultiply() : image.Copy();
        using var resized = input.Resize((double)width / image.Width, kernel, vscale: (double)height / image.Height);
        using var restored = smooth ? resized.Unpremultiply().Cast(format) : resized.Copy();
        return FitExactly(restored, width, height);
    }

    /// <summary>Maps <see cref="ReadOptions.Resampling"/> names to kernels.</summary>
    /// <exception cref="InvalidParameterException">The name is unknown.</exception>
    public static Enums.Kernel KernelFor(string? resampling, Enums.Kernel fallback) => resampling?.ToLowerInvariant() switch
    {
        null or "" => fallback,
        "nearest" => Enums.Kernel.Nearest,
        "linear" or "bilinear" => Enums.Kernel.Linear,
        "cubic" or "bicubic" => Enums.Kernel.Cubic,
        "lanczos" or "lanczos3" => Enums.Kernel.Lanczos3,
        "lanczos2" => Enums.Kernel.Lanczos2,
        "mitchell" => Enums.Kernel.Mitchell,
        _ => throw new InvalidParameterException("resample", $"Unknown resampling '{resampling}'."),
    };

    /// <summary>libvips rounds resize and shrink output sizes; trim or extend the last row/column so sizes match exactly.</summary>
    public static Image FitExactly(Image image, int width, int height)
    {
        if (image.Width == width && image.Height == height)
        {
            return image.Copy();
        }

        using var cropped = image.Crop(0, 0, Math.Min(width, image.Width), Math.Min(height, image.Height));
        return cropped.Width == width && cropped.Height == height
            ? cropped.Copy()
            : cropped.Embed(0, 0, width, height, Enums.Extend.Copy);
    }

    /// <summary>
    /// Copies an 8-bit block into its place in <paramref name="target"/> straight from libvips' output, without the
    /// managed copy <c>WriteToMemory&lt;byte&gt;</c> would allocate per tile.
    /// </summary>
    private static unsafe void CopyRows(Image block, RegionPlan plan, int width, int bands, byte[] target)
    {
        var memory = block.WriteToMemory(out var size);
        try
        {
            var rowLength = plan.OutWidth * bands;
            var source = new ReadOnlySpan<byte>((void*)memory, checked((int)size));
            for (var row = 0; row < plan.OutHeight; row++)
            {
                source.Slice(row * rowLength, rowLength).CopyTo(target.AsSpan(plan.LandingOffset(width, bands, row)));
            }
        }
        finally
        {
            NetVips.NetVips.Free(memory);
        }
    }

    /// <summary>Reads samples of any supported type widened to doubles (the image's format must be <paramref name="type"/>).</summary>
    private static double[] Widen(Image image, PixelType type) => type switch
    {
        PixelType.Int8 => Convert(image.WriteToMemory<sbyte>()),
        PixelType.UInt16 => Convert(image.WriteToMemory<ushort>()),
        PixelType.Int16 => Convert(image.WriteToMemory<short>()),
        PixelType.UInt32 => Convert(image.WriteToMemory<uint>()),
        PixelType.Int32 => Convert(image.WriteToMemory<int>()),
        PixelType.Float32 => Convert(image.WriteToMemory<float>()),
        PixelType.Float64 => image.WriteToMemory<double>(),
        _ => Convert(image.WriteToMemory<byte>()),
    };

    private static double[] Convert<T>(T[] samples)
        where T : struct, System.Numerics.INumberBase<T>
    {
        var result = new double[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            result[i] = double.CreateTruncating(samples[i]);
        }

        return result;
    }
}
