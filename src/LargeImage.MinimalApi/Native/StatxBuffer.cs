using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// The fields of Linux's <c>struct statx</c> that a file's version needs. The struct is 256 bytes with the same
/// layout on every architecture, unlike <c>struct stat</c>.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuffer
{
    /// <summary>Which fields the kernel filled (<c>STATX_*</c>).</summary>
    [FieldOffset(0)]
    public uint Mask;

    /// <summary>File type and permission bits.</summary>
    [FieldOffset(28)]
    public ushort Mode;

    [FieldOffset(40)]
    public ulong Size;

    [FieldOffset(112)]
    public long ModifiedSeconds;

    [FieldOffset(120)]
    public uint ModifiedNanoseconds;
}
