using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary><c>GDAL_GCP</c>: a ground control point as GDAL lays it out.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GdalGcp
{
    public nint Id;
    public nint Info;
    public double Pixel;
    public double Line;
    public double X;
    public double Y;
    public double Z;
}
