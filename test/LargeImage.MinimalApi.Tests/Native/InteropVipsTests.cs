using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Tests.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class InteropVipsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("largeimage-vips-").FullName;

    [Fact]
    public void Copies_the_rectangle_into_strided_rows_and_leaves_the_rest()
    {
        using var image = VipsFixtures.Pattern(300, 200, 3);
        using var crop = image.Crop(17, 41, 70, 50);
        var expected = crop.WriteToMemory<byte>();
        const int Stride = 100 * 3;
        var target = Enumerable.Repeat((byte)7, Stride * 60).ToArray();

        Interop.Vips.CopyRectangle(image, 17, 41, 70, 50, target.AsSpan((5 * Stride) + (10 * 3)), Stride);

        for (var row = 0; row < 60; row++)
        {
            var line = target.AsSpan(row * Stride, Stride);
            if (row is < 5 or >= 55)
            {
                Assert.All(line.ToArray(), value => Assert.Equal(7, value));
                continue;
            }

            Assert.Equal(expected.AsSpan((row - 5) * 70 * 3, 70 * 3).ToArray(), line.Slice(10 * 3, 70 * 3).ToArray());
            Assert.All(line[..(10 * 3)].ToArray(), value => Assert.Equal(7, value));
            Assert.All(line[(80 * 3)..].ToArray(), value => Assert.Equal(7, value));
        }
    }

    [Fact]
    public void A_failed_read_is_a_libvips_error_and_the_next_read_succeeds()
    {
        var path = Path.Combine(folder, "tiled.tif");
        using (var pattern = VipsFixtures.Pattern(1024, 1024, 3))
        {
            pattern.Tiffsave(path, tile: true, tileWidth: 256, tileHeight: 256, compression: Enums.ForeignTiffCompression.Deflate);
        }

        using var image = Image.Tiffload(path, access: Enums.Access.Random, failOn: Enums.FailOn.Warning);
        var target = new byte[256 * 256 * 3];
        Interop.Vips.CopyRectangle(image, 0, 0, 256, 256, target, 256 * 3);

        // The tiles after the first are gone from under the opened image, as when a file is cut short on disk.
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length / 4);
        }

        var error = Assert.Throws<NativeLibraryException>(() => Interop.Vips.CopyRectangle(image, 768, 768, 256, 256, target, 256 * 3));
        Assert.Equal("libvips", error.Library);
        Assert.NotEqual("libvips: unknown error", error.Message);

        using var other = VipsFixtures.Pattern(64, 64, 3);
        Interop.Vips.CopyRectangle(other, 0, 0, 64, 64, target, 64 * 3);
        Assert.Equal(other.WriteToMemory<byte>(), target[..(64 * 64 * 3)]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
