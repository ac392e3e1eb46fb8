using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>A rendered 8-bit RGBA image, ready to encode.</summary>
internal sealed class RgbaImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Straight (not premultiplied) RGBA, length W·H·4.</summary>
    public byte[] Pixels { get; } = pixels.Length == width * height * 4
        ? pixels
        : throw new ArgumentException("Pixel buffer does not match the size.", nameof(pixels));

    /// <summary>Hands the pixels back to <see cref="PixelBuffers"/> once encoded; the image is unusable after.</summary>
    public void Release() => PixelBuffers.Return(Pixels);

    /// <summary>Whether every pixel is fully opaque.</summary>
    public bool IsOpaque()
    {
        foreach (var pixel in MemoryMarshal.Cast<byte, uint>(Pixels))
        {
            if (BitConverter.IsLittleEndian ? pixel < 0xFF000000 : (pixel & 0xFF) != 0xFF)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every pixel has equal red, green and blue (a grey rendering of one band).</summary>
    public bool IsGrey()
    {
        for (var i = 0; i < Pixels.Length; i += 4)
        {
            if (Pixels[i] != Pixels[i + 1] || Pixels[i] != Pixels[i + 2])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every pixel is fully transparent (an empty tile).</summary>
    public bool IsFullyTransparent()
    {
        for (var i = 3; i < Pixels.Length; i += 4)
        {
            if (Pixels[i] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
