using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Native;

/// <summary>An owned <c>OGRCoordinateTransformationH</c>. Not thread-safe: use one per thread or per call.</summary>
internal sealed class OgrCoordinateTransformationHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OgrCoordinateTransformationHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gdal.DestroyCoordinateTransformation(handle);
        return true;
    }
}
