namespace LargeImage.MinimalApi.Sources;

/// <summary>The TIFF tag numbers the package reads (TIFF 6.0, its sub-IFD and JPEG supplements, GeoTIFF).</summary>
internal static class TiffTag
{
    public const int ImageWidth = 256;
    public const int ImageLength = 257;
    public const int BitsPerSample = 258;
    public const int Compression = 259;
    public const int Photometric = 262;
    public const int ImageDescription = 270;
    public const int SamplesPerPixel = 277;
    public const int PlanarConfiguration = 284;
    public const int TileWidth = 322;
    public const int TileLength = 323;
    public const int TileOffsets = 324;
    public const int TileByteCounts = 325;
    public const int SubIfds = 330;
    public const int JpegTables = 347;
    public const int ModelPixelScale = 33550;
    public const int ModelTiepoint = 33922;
    public const int ModelTransformation = 34264;
    public const int GeoKeyDirectory = 34735;
}
