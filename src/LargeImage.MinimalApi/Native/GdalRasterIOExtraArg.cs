using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// <c>GDALRasterIOExtraArg</c> (version 1): the resampling used when the buffer is smaller than the window (which
/// is also what lets GDAL pick an overview) and an optional sub-pixel source window.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GdalRasterIOExtraArg
{
    public int Version;
    public GdalRasterIOResampleAlg ResampleAlg;
    public nint Progress;
    public nint ProgressData;
    public int FloatingPointWindowValidity;
    public double XOff;
    public double YOff;
    public double XSize;
    public double YSize;

    public static GdalRasterIOExtraArg Create(GdalRasterIOResampleAlg resampleAlg) =>
        new() { Version = 1, ResampleAlg = resampleAlg };

    /// <summary>An extra argument that also carries the exact floating-point source window.</summary>
    public static GdalRasterIOExtraArg Create(
        GdalRasterIOResampleAlg resampleAlg, double xOff, double yOff, double xSize, double ySize) =>
        new()
        {
            Version = 1,
            ResampleAlg = resampleAlg,
            FloatingPointWindowValidity = 1,
            XOff = xOff,
            YOff = yOff,
            XSize = xSize,
            YSize = ySize,
        };
}
