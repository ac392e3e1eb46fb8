using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary><c>GDALColorEntry</c>: one colour-table entry (RGBA for RGB tables).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct GdalColorEntry
{
    public readonly short C1;
    public readonly short C2;
    public readonly short C3;
    public readonly short C4;
}
