using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>An <c>openslide_t*</c>; closing waits for every call that holds a reference, so a handle can be
/// swapped while other threads still read through the old one.</summary>
internal sealed class OpenSlideHandle : SafeHandle
{
    public OpenSlideHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Interop.OpenSlide.Close(handle);
        return true;
    }
}
