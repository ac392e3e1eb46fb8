namespace LargeImage.MinimalApi.Sources;

/// <summary>Sample types, named as numpy names them so <c>dtype</c> in metadata matches large_image.</summary>
internal enum PixelType
{
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float32,
    Float64,
}

/// <summary>Helpers for <see cref="PixelType"/>.</summary>
internal static class PixelTypeExtensions
{
    public static string ToDType(this PixelType type) => type switch
    {
        PixelType.UInt8 => "uint8",
        PixelType.Int8 => "int8",
        PixelType.UInt16 => "uint16",
        PixelType.Int16 => "int16",
        PixelType.UInt32 => "uint32",
        PixelType.Int32 => "int32",
        PixelType.Float32 => "float32",
        _ => "float64",
    };

    /// <summary>The full value range of an integer type; floats have none and return null.</summary>
    public static (double Min, double Max)? FullRange(this PixelType type) => type switch
    {
        PixelType.UInt8 => (0, byte.MaxValue),
        PixelType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        PixelType.UInt16 => (0, ushort.MaxValue),
        PixelType.Int16 => (short.MinValue, short.MaxValue),
        PixelType.UInt32 => (0, uint.MaxValue),
        PixelType.Int32 => (int.MinValue, int.MaxValue),
        _ => null,
    };
}
