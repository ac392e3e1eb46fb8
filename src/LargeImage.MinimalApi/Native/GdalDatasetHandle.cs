using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Native;

/// <summary>An open <c>GDALDatasetH</c>; closing it also frees every band handle taken from it.</summary>
internal sealed class GdalDatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalDatasetHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gdal.Close(handle);
        return true;
    }
}
