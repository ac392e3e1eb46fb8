using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Native;

/// <summary>Parsed <c>gdalwarp</c> arguments (<c>GDALWarpAppOptions*</c>).</summary>
internal sealed class GdalWarpAppOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalWarpAppOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gdal.FreeWarpAppOptions(handle);
        return true;
    }
}
