using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>Writes a georeferenced region through a temporary file (GDAL writes files, not buffers) that never outlives the call.</summary>
internal static class GeoTiffExport
{
    public static byte[] Write(IGeoreferencedSource source, PixelWindow window, int width, int height, ReadOptions options, RgbaImage? rendered)
    {
        var path = Path.Combine(Path.GetTempPath(), $"largeimage-region-{Guid.NewGuid():N}.tif");
        try
        {
            source.WriteGeoTiff(path, window, width, height, options, rendered);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".aux.xml");
        }
    }
}
