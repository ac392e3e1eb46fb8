using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Sources.Gdal;
using LargeImage.MinimalApi.Sources.OpenSlide;
using LargeImage.MinimalApi.Sources.Vips;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>The reader and grid a tile benchmark measures, each on the kind of file it serves.</summary>
public enum TileReaderKind
{
    /// <summary>GDAL, the UTM COG in its own pixel grid.</summary>
    GdalNative,

    /// <summary>GDAL, the UTM COG warped (nearest) into web-mercator XYZ tiles.</summary>
    GdalWebMercator,

    /// <summary>libvips, the 32768² pyramidal TIFF.</summary>
    Vips,

    /// <summary>OpenSlide (generic-tiff), the same pyramidal TIFF.</summary>
    OpenSlide,
}

/// <summary>Opens the file of each <see cref="TileReaderKind"/>.</summary>
internal static class TileReaderKinds
{
    public const int PyramidSize = 32768;

    public static ITileSource Open(this TileReaderKind kind) => kind switch
    {
        TileReaderKind.GdalNative => new GdalReader().Open(BenchmarkImages.UtmCog(), null),
        TileReaderKind.GdalWebMercator => new GdalReader().Open(BenchmarkImages.UtmCog(), "EPSG:3857"),
        TileReaderKind.Vips => new VipsReader().Open(BenchmarkImages.Pyramid(PyramidSize), null),
        _ => new OpenSlideReader().Open(BenchmarkImages.Pyramid(PyramidSize), null),
    };
}
