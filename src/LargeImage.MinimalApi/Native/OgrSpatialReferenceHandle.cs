using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Native;

/// <summary>An owned <c>OGRSpatialReferenceH</c>.</summary>
internal sealed class OgrSpatialReferenceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OgrSpatialReferenceHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gdal.DestroySpatialReference(handle);
        return true;
    }
}
