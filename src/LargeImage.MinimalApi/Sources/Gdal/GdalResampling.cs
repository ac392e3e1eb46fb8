using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>A resampling method as both RasterIO (native grid) and gdalwarp (projected grid) name it.</summary>
internal sealed record GdalResampling(string Name, GdalRasterIOResampleAlg RasterIO, string WarpName)
{
    public static readonly GdalResampling Nearest = new("nearest", GdalRasterIOResampleAlg.NearestNeighbour, "near");

    private static readonly GdalResampling[] Known =
    [
        Nearest,
        new("bilinear", GdalRasterIOResampleAlg.Bilinear, "bilinear"),
        new("cubic", GdalRasterIOResampleAlg.Cubic, "cubic"),
        new("cubicspline", GdalRasterIOResampleAlg.CubicSpline, "cubicspline"),
        new("lanczos", GdalRasterIOResampleAlg.Lanczos, "lanczos"),
        new("average", GdalRasterIOResampleAlg.Average, "average"),
        new("mode", GdalRasterIOResampleAlg.Mode, "mode"),
        new("rms", GdalRasterIOResampleAlg.Rms, "rms"),
    ];

    /// <summary>Names accepted by <see cref="Parse"/> (plus the alias <c>near</c>).</summary>
    public static IEnumerable<string> Names => Known.Select(k => k.Name);

    /// <exception cref="InvalidParameterException">The name is not a known method.</exception>
    public static GdalResampling Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("near", StringComparison.OrdinalIgnoreCase))
        {
            return Nearest;
        }

        return Array.Find(Known, k => k.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidParameterException(
                "resampling", $"Unknown resampling '{name}'; use one of {string.Join(", ", Names)}.");
    }
}
