using System.Globalization;
using LargeImage.MinimalApi.Errors;
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

            using var written = File.OpenRead(path);

            // Raw values of many bands or wide types can compress to more than one array holds: say so, not fail in the read.
            var length = written.Length;
            if (length > Array.MaxLength)
            {
                throw new OutputTooLargeException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The GeoTIFF would be {length} bytes, more than one response can hold; ask for a smaller region, set max_width/max_height, or ask for a style."));
            }

            var bytes = new byte[length];
            written.ReadExactly(bytes);
            return bytes;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".aux.xml");
        }
    }
}
