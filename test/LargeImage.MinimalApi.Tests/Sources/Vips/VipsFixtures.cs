using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

/// <summary>Images the tests generate themselves with NetVips, in a temporary folder deleted afterwards.</summary>
public sealed class VipsFixtures : IDisposable
{
    public VipsFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "li-vips-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);

        using var rgb = Pattern(2000, 1500, 3);
        PyramidTiff = Path.Combine(Directory, "pyramid.tif");
        rgb.Tiffsave(PyramidTiff, tile: true, pyramid: true, tileWidth: 256, tileHeight: 256, compression: Enums.ForeignTiffCompression.Deflate);

        using var rgba = Pattern(300, 200, 4);
        Png = Path.Combine(Directory, "rgba.png");
        rgba.Pngsave(Png);

        using var wide = Pattern(120, 90, 3);
        using var sixteen = (wide * 257).Cast(Enums.BandFormat.Ushort);
        Png16 = Path.Combine(Directory, "sixteen.png");
        sixteen.Pngsave(Png16);

        MultiPageTiff = Path.Combine(Directory, "pages.tif");
        using (var page0 = Pattern(64, 48, 1))
        using (var page1 = page0.Invert())
        using (var page2 = page0 / 2)
        using (var cast2 = page2.Cast(Enums.BandFormat.Uchar))
        using (var stack = Image.Arrayjoin([page0, page1, cast2], across: 1))
        using (var paged = stack.Mutate(m => m.Set(GValue.GIntType, "page-height", 48)))
        {
            paged.Tiffsave(MultiPageTiff);
        }

        TruncatedTiff = Path.Combine(Directory, "truncated.tif");
        var bytes = File.ReadAllBytes(PyramidTiff);
        File.WriteAllBytes(TruncatedTiff, bytes[..(bytes.Length / 2)]);

        TextSvs = Path.Combine(Directory, "notes.svs");
        File.WriteAllText(TextSvs, "This is not a slide, just some text.\n");

        EmptyTiff = Path.Combine(Directory, "empty.tif");
        File.WriteAllBytes(EmptyTiff, []);
    }

    public string Directory { get; }

    /// <summary>2000×1500 RGB, 256-px tiles, pyramid pages down to one tile.</summary>
    public string PyramidTiff { get; }

    /// <summary>300×200 RGBA PNG.</summary>
    public string Png { get; }

    /// <summary>120×90 16-bit RGB PNG.</summary>
    public string Png16 { get; }

    /// <summary>Three same-size 64×48 gray pages (a multi-frame TIFF).</summary>
    public string MultiPageTiff { get; }

    public string TruncatedTiff { get; }

    public string TextSvs { get; }

    public string EmptyTiff { get; }

    /// <summary>A deterministic pattern whose every tile differs: band b of (x, y) is (x·(b+1) + 3y) mod 256.</summary>
    public static Image Pattern(int width, int height, int bands)
    {
        var data = new byte[width * height * bands];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var b = 0; b < bands; b++)
                {
                    data[(((y * width) + x) * bands) + b] = b == 3 ? (byte)(x < width / 2 ? 255 : 128) : (byte)(((x * (b + 1)) + (3 * y)) % 256);
                }
            }
        }

        var interpretation = bands >= 3 ? Enums.Interpretation.Srgb : Enums.Interpretation.Bw;
        using var image = Image.NewFromMemory(data, width, height, bands, Enums.BandFormat.Uchar);
        return image.Copy(interpretation: interpretation);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
