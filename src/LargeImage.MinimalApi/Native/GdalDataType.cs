namespace LargeImage.MinimalApi.Native;

/// <summary><c>GDALDataType</c>; values are GDAL's ABI.</summary>
internal enum GdalDataType
{
    Unknown = 0,
    Byte = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Float64 = 7,
    CInt16 = 8,
    CInt32 = 9,
    CFloat32 = 10,
    CFloat64 = 11,
    UInt64 = 12,
    Int64 = 13,
    Int8 = 14,
}
