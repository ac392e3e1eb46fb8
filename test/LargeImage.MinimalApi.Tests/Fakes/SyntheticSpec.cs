namespace LargeImage.MinimalApi.Tests.Fakes;

/// <summary>
/// A synthetic image: sample (x, y) of band b (0-based) in frame f is <c>(x + y) * Step + 100 b + 1000 f</c>
/// (modulo 256 for uint8), except that pixels with x &lt; <see cref="NodataColumns"/> hold <see cref="Nodata"/>.
/// </summary>
internal sealed record SyntheticSpec
{
    public int Width { get; init; } = 512;

    public int Height { get; init; } = 512;

    public int Bands { get; init; } = 1;

    public int Frames { get; init; } = 1;

    public string DType { get; init; } = "float32";

    public double Step { get; init; } = 1;

    public double? Nodata { get; init; }

    public int NodataColumns { get; init; }

    public double? MmX { get; init; }

    /// <summary>Georeferenced with lon = x · 0.01, lat = −y · 0.01 (EPSG:4326 only).</summary>
    public bool Geo { get; init; }

    public double Value(long x, long y, int band, int frame)
    {
        if (x < NodataColumns && Nodata is { } nodata)
        {
            return nodata;
        }

        var v = ((x + y) * Step) + (100 * band) + (1000 * frame);
        return DType == "uint8" ? v % 256 : v;
    }
}
