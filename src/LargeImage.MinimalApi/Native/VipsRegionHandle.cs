using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>A <c>VipsRegion*</c>: one thread's window onto an image, holding a reference to it until released.</summary>
internal sealed class VipsRegionHandle : SafeHandle
{
    public VipsRegionHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Interop.Vips.Unref(handle);
        return true;
    }
}
