using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>A TurboJPEG compressor or decompressor instance (<c>tjhandle</c>). One thread at a time may use it.</summary>
internal sealed class TurboJpegHandle : SafeHandle
{
    public TurboJpegHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Interop.TurboJpeg.Destroy(handle);
        return true;
    }
}
