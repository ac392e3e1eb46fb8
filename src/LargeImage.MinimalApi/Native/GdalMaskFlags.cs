namespace LargeImage.MinimalApi.Native;

/// <summary>The <c>GMF_*</c> flags of <c>GDALGetMaskFlags</c>.</summary>
[Flags]
internal enum GdalMaskFlags
{
    None = 0,
    AllValid = 0x01,
    PerDataset = 0x02,
    Alpha = 0x04,
    NoData = 0x08,
}
