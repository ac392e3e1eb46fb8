using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Rendering;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class InteropTurboJpegTests
{
    private const int Size = 256;

    public InteropTurboJpegTests() => Skip.IfNot(Interop.TurboJpeg.IsAvailable, "libturbojpeg is not installed (bash src/install-native-deps.sh)");

    [SkippableTheory]
    [InlineData(90, 0x11)]
    [InlineData(75, 0x22)]
    public void Colour_tiles_decode_close_to_the_source_with_chroma_kept_whole_from_quality_90(int quality, byte lumaSampling)
    {
        var image = Gradient(grey: false);

        var jpeg = Interop.TurboJpeg.CompressRgba(image.Pixels, Size, Size, quality, grey: false);

        using var decoded = Image.NewFromBuffer(jpeg);
        Assert.Equal((Size, Size, 3), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.InRange(MeanAbsoluteError(image.Pixels, decoded.WriteToMemory<byte>(), 3), 0, 2.0);
        Assert.Equal((3, lumaSampling), FrameComponents(jpeg));
    }

    [SkippableFact]
    public void Grey_tiles_are_written_with_one_channel()
    {
        var image = Gradient(grey: true);

        var jpeg = Interop.TurboJpeg.CompressRgba(image.Pixels, Size, Size, 90, grey: true);

        using var decoded = Image.NewFromBuffer(jpeg);
        Assert.Equal(1, decoded.Bands);
        Assert.Equal(1, FrameComponents(jpeg).Components);
        Assert.InRange(MeanAbsoluteError(image.Pixels, decoded.WriteToMemory<byte>(), 1), 0, 1.0);
    }

    [SkippableFact]
    public void Matches_what_libvips_encodes_at_the_same_quality()
    {
        var image = Gradient(grey: false);

        using var turbo = Image.NewFromBuffer(ImageEncoder.Encode(image, OutputFormat.Jpeg, 90));
        using var vips = Image.NewFromBuffer(ImageEncoder.EncodeWithVips(image, OutputFormat.Jpeg, 90));

        Assert.InRange(MeanAbsoluteError(turbo.WriteToMemory<byte>(), vips.WriteToMemory<byte>(), 3, 3), 0, 1.0);
    }

    [SkippableFact]
    public void A_failure_becomes_a_native_library_exception()
    {
        var error = Assert.Throws<NativeLibraryException>(() => Interop.TurboJpeg.CompressRgba(new byte[16], 0, 0, 90, grey: false));

        Assert.Equal("libturbojpeg", error.Library);
    }

    private static RgbaImage Gradient(bool grey)
    {
        var pixels = new byte[Size * Size * 4];
        for (var p = 0; p < Size * Size; p++)
        {
            var (x, y) = (p % Size, p / Size);
            pixels[p * 4] = (byte)x;
            pixels[(p * 4) + 1] = grey ? (byte)x : (byte)y;
            pixels[(p * 4) + 2] = grey ? (byte)x : (byte)((x + y) / 2);
            pixels[(p * 4) + 3] = 255;
        }

        return new RgbaImage(Size, Size, pixels);
    }

    private static double MeanAbsoluteError(byte[] expected, byte[] actual, int actualBands, int expectedBands = 4)
    {
        double sum = 0;
        var pixels = actual.Length / actualBands;
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < actualBands; c++)
            {
                sum += Math.Abs(expected[(p * expectedBands) + c] - actual[(p * actualBands) + c]);
            }
        }

        return sum / actual.Length;
    }

    /// <summary>The component count and the first component's sampling factors from the baseline frame header.</summary>
    private static (int Components, byte LumaSampling) FrameComponents(byte[] jpeg)
    {
        for (var i = 2; i < jpeg.Length - 10; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0)
            {
                return (jpeg[i + 9], jpeg[i + 11]);
            }
        }

        throw new InvalidDataException("No baseline frame header.");
    }
}
