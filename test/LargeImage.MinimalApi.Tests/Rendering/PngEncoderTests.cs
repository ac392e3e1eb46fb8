using LargeImage.MinimalApi.Rendering;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Rendering;

public sealed class PngEncoderTests
{
    // Tall enough that the rows reach the compressor in several chunks.
    private const int Width = 300;
    private const int Height = 257;

    [Theory]
    [InlineData(true, true, 1, 0)]
    [InlineData(false, true, 2, 4)]
    [InlineData(true, false, 3, 2)]
    [InlineData(false, false, 4, 6)]
    public void Writes_the_fewest_channels_and_libvips_reads_back_every_pixel(bool opaque, bool grey, int bands, byte colorType)
    {
        var image = Pattern(opaque, grey);

        var png = PngEncoder.Encode(image);

        Assert.Equal(colorType, png[25]);
        using var decoded = Image.NewFromBuffer(png);
        Assert.Equal((Width, Height, bands), (decoded.Width, decoded.Height, decoded.Bands));
        Assert.Equal(Expected(image.Pixels, bands), decoded.WriteToMemory<byte>());
    }

    [Fact]
    public void One_translucent_pixel_keeps_the_alpha_channel()
    {
        var image = Pattern(opaque: true, grey: false);
        image.Pixels[(123 * 4) + 3] = 254;

        using var decoded = Image.NewFromBuffer(PngEncoder.Encode(image));

        Assert.Equal(4, decoded.Bands);
        Assert.Equal(254, decoded.WriteToMemory<byte>()[(123 * 4) + 3]);
    }

    [Fact]
    public void A_uniform_tile_compresses_to_almost_nothing()
    {
        var pixels = new byte[256 * 256 * 4];
        Array.Fill(pixels, (byte)255);

        Assert.True(PngEncoder.Encode(new RgbaImage(256, 256, pixels)).Length < 1024);
    }

    private static RgbaImage Pattern(bool opaque, bool grey)
    {
        var random = new Random(42);
        var pixels = new byte[Width * Height * 4];
        for (var p = 0; p < Width * Height; p++)
        {
            var (x, y) = (p % Width, p / Width);
            var value = (byte)((x + (2 * y) + random.Next(8)) & 0xFF);
            pixels[p * 4] = value;
            pixels[(p * 4) + 1] = grey ? value : (byte)(x ^ y);
            pixels[(p * 4) + 2] = grey ? value : (byte)random.Next(256);
            pixels[(p * 4) + 3] = opaque ? (byte)255 : (byte)(y * 255 / Height);
        }

        return new RgbaImage(Width, Height, pixels);
    }

    private static byte[] Expected(byte[] rgba, int bands)
    {
        int[] channels = bands switch
        {
            1 => [0],
            2 => [0, 3],
            3 => [0, 1, 2],
            _ => [0, 1, 2, 3],
        };
        var expected = new byte[rgba.Length / 4 * bands];
        for (var p = 0; p < rgba.Length / 4; p++)
        {
            for (var c = 0; c < bands; c++)
            {
                expected[(p * bands) + c] = rgba[(p * 4) + channels[c]];
            }
        }

        return expected;
    }
}
