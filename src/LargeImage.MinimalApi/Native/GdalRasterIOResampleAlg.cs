namespace LargeImage.MinimalApi.Native;

/// <summary><c>GDALRIOResampleAlg</c>: how RasterIO resamples when the buffer differs from the window.</summary>
internal enum GdalRasterIOResampleAlg
{
    NearestNeighbour = 0,
    Bilinear = 1,
    Cubic = 2,
    CubicSpline = 3,
    Lanczos = 4,
    Average = 5,
    Mode = 6,
    Gauss = 7,
    Rms = 14,
}
