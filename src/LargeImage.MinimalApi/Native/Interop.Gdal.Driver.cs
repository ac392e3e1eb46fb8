using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        /// <summary>
        /// Creates an in-memory (<c>MEM</c> driver) dataset, e.g. to give rendered pixels georeferencing before they
        /// are translated to a file. It lives until the handle is disposed.
        /// </summary>
        internal static GdalDatasetHandle CreateInMemory(int width, int height, int bands, GdalDataType type)
        {
            EnsureInitialized();
            ResetError();
            var driver = GDALGetDriverByName("MEM");
            if (driver == 0)
            {
                throw LastError("finding the MEM driver");
            }

            var dataset = GDALCreate(driver, string.Empty, width, height, bands, type, 0);
            if (dataset.IsInvalid)
            {
                dataset.Dispose();
                throw LastError("creating an in-memory dataset");
            }

            return dataset;
        }

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint GDALGetDriverByName(string name);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial GdalDatasetHandle GDALCreate(
            nint driver, string filename, int width, int height, int bands, GdalDataType type, nint options);
    }
}
