using Microsoft.Win32.SafeHandles;

namespace LargeImage.MinimalApi.Native;

/// <summary>Parsed <c>gdal_translate</c> arguments (<c>GDALTranslateOptions*</c>).</summary>
internal sealed class GdalTranslateOptionsHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public GdalTranslateOptionsHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Interop.Gdal.FreeTranslateOptions(handle);
        return true;
    }
}
