using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        private const uint OfReadOnlyRaster = 0x02;
        private const uint OfVerboseError = 0x40;

        /// <summary>
        /// Opens a user's raster read-only, with any driver but those that read other files or URLs on the file's
        /// say (<see cref="AllowedUserFileDrivers"/>). Never <c>GDAL_OF_SHARED</c>: every call must return its own
        /// handle, since the handle pool relies on handles not being shared between threads.
        /// </summary>
        internal static GdalDatasetHandle OpenEx(string path, IReadOnlyList<string>? openOptions = null)
        {
            EnsureInitialized();
            using var options = new CslStringList(openOptions);
            using var drivers = new CslStringList(AllowedUserFileDrivers);
            ResetError();
            var dataset = GDALOpenEx(path, OfReadOnlyRaster | OfVerboseError, drivers.Pointer, options.Pointer, 0);
            if (dataset.IsInvalid)
            {
                dataset.Dispose();
                throw LastError($"opening {path}");
            }

            return dataset;
        }

        internal static void Close(nint dataset) => GDALClose(dataset);

        internal static int GetRasterXSize(GdalDatasetHandle dataset) => GDALGetRasterXSize(dataset);

        internal static int GetRasterYSize(GdalDatasetHandle dataset) => GDALGetRasterYSize(dataset);

        internal static int GetRasterCount(GdalDatasetHandle dataset) => GDALGetRasterCount(dataset);

        /// <summary>A band (1-based). The handle belongs to the dataset and is valid while the dataset is open.</summary>
        internal static nint GetRasterBand(GdalDatasetHandle dataset, int band)
        {
            ResetError();
            var handle = GDALGetRasterBand(dataset, band);
            return handle != 0 ? handle : throw LastError($"getting band {band}");
        }

        internal static (string ShortName, string LongName) GetDriverNames(GdalDatasetHandle dataset)
        {
            var driver = GDALGetDatasetDriver(dataset);
            return driver == 0
                ? (string.Empty, string.Empty)
                : (PtrToString(GDALGetDriverShortName(driver)) ?? string.Empty,
                    PtrToString(GDALGetDriverLongName(driver)) ?? string.Empty);
        }

        /// <summary>The six affine coefficients, or false when the dataset has only GDAL's default (0,1,0,0,0,1).</summary>
        internal static unsafe bool TryGetGeoTransform(GdalDatasetHandle dataset, Span<double> geoTransform)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(geoTransform.Length, 6);
            fixed (double* gt = geoTransform)
            {
                ResetError();
                var ok = GDALGetGeoTransform(dataset, gt) == 0;
                ResetError();
                return ok;
            }
        }

        internal static string GetProjectionRef(GdalDatasetHandle dataset) =>
            PtrToString(GDALGetProjectionRef(dataset)) ?? string.Empty;

        internal static int GetGcpCount(GdalDatasetHandle dataset) => GDALGetGCPCount(dataset);

        internal static string GetGcpProjection(GdalDatasetHandle dataset) =>
            PtrToString(GDALGetGCPProjection(dataset)) ?? string.Empty;

        internal static unsafe GdalGcp[] GetGcps(GdalDatasetHandle dataset)
        {
            var count = GDALGetGCPCount(dataset);
            var gcps = (GdalGcp*)GDALGetGCPs(dataset);
            return count <= 0 || gcps == null ? [] : new ReadOnlySpan<GdalGcp>(gcps, count).ToArray();
        }

        /// <summary>The least-squares affine fit of the dataset's GCPs (approximate fits allowed), as large_image uses.</summary>
        internal static unsafe bool TryGcpsToGeoTransform(GdalDatasetHandle dataset, Span<double> geoTransform)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(geoTransform.Length, 6);
            var count = GDALGetGCPCount(dataset);
            var gcps = GDALGetGCPs(dataset);
            if (count <= 0 || gcps == 0)
            {
                return false;
            }

            fixed (double* gt = geoTransform)
            {
                return GDALGCPsToGeoTransform(count, gcps, gt, 1) != 0;
            }
        }

        internal static string[] GetFileList(GdalDatasetHandle dataset)
        {
            var list = GDALGetFileList(dataset);
            try
            {
                return CslStringList.Read(list);
            }
            finally
            {
                CSLDestroy(list);
            }
        }

        /// <summary>
        /// Reads several bands of a window at once into a pixel-interleaved buffer of <paramref name="bufferType"/>
        /// (<paramref name="bufferType"/> must match <typeparamref name="T"/>'s size).
        /// </summary>
        internal static unsafe void DatasetRasterIO<T>(
            GdalDatasetHandle dataset,
            int xOff,
            int yOff,
            int xSize,
            int ySize,
            Span<T> buffer,
            int bufferWidth,
            int bufferHeight,
            GdalDataType bufferType,
            ReadOnlySpan<int> bands,
            long lineSpace,
            in GdalRasterIOExtraArg extraArg)
            where T : unmanaged
        {
            var pixelSpace = (long)sizeof(T) * bands.Length;
            if (((long)(bufferHeight - 1) * lineSpace) + (pixelSpace * bufferWidth) > (long)buffer.Length * sizeof(T) || lineSpace < pixelSpace * bufferWidth)
            {
                throw new ArgumentException("Buffer too small for the requested read.", nameof(buffer));
            }

            fixed (T* data = buffer)
            fixed (int* bandMap = bands)
            fixed (GdalRasterIOExtraArg* extra = &extraArg)
            {
                ResetError();
                Check(
                    GDALDatasetRasterIOEx(
                        dataset, 0, xOff, yOff, xSize, ySize, data, bufferWidth, bufferHeight, bufferType,
                        bands.Length, bandMap, pixelSpace, lineSpace, sizeof(T), extra),
                    "reading raster data");
            }
        }

        /// <summary>
        /// Writes a pixel-interleaved buffer into several bands of a window (a writable dataset, e.g. from
        /// <see cref="CreateInMemory"/>); the window and the buffer have the same size.
        /// </summary>
        internal static unsafe void DatasetRasterWrite<T>(
            GdalDatasetHandle dataset, int width, int height, ReadOnlySpan<T> buffer, GdalDataType bufferType, ReadOnlySpan<int> bands)
            where T : unmanaged
        {
            var pixelSpace = (long)sizeof(T) * bands.Length;
            if ((long)width * height * bands.Length > buffer.Length)
            {
                throw new ArgumentException("Buffer too small for the requested write.", nameof(buffer));
            }

            var extraArg = GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour);
            fixed (T* data = buffer)
            fixed (int* bandMap = bands)
            {
                ResetError();
                Check(
                    GDALDatasetRasterIOEx(
                        dataset, 1, 0, 0, width, height, data, width, height, bufferType,
                        bands.Length, bandMap, pixelSpace, pixelSpace * width, sizeof(T), &extraArg),
                    "writing raster data");
            }
        }

        internal static unsafe void SetGeoTransform(GdalDatasetHandle dataset, ReadOnlySpan<double> geoTransform)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(geoTransform.Length, 6);
            fixed (double* gt = geoTransform)
            {
                ResetError();
                Check(GDALSetGeoTransform(dataset, gt), "setting the geotransform");
            }
        }

        internal static void SetProjection(GdalDatasetHandle dataset, string wkt)
        {
            ResetError();
            Check(GDALSetProjection(dataset, wkt), "setting the projection");
        }

        internal static string[] GetMetadataDomainList(GdalDatasetHandle dataset) =>
            GetMetadataDomainList(dataset.DangerousGetHandle());

        internal static string[] GetMetadata(GdalDatasetHandle dataset, string? domain) =>
            GetMetadata(dataset.DangerousGetHandle(), domain);

        internal static string? GetMetadataItem(GdalDatasetHandle dataset, string name, string? domain) =>
            GetMetadataItem(dataset.DangerousGetHandle(), name, domain);

        /// <summary>Metadata domains of a dataset or band (any <c>GDALMajorObjectH</c>).</summary>
        internal static string[] GetMetadataDomainList(nint majorObject)
        {
            var list = GDALGetMetadataDomainList(majorObject);
            try
            {
                return CslStringList.Read(list);
            }
            finally
            {
                CSLDestroy(list);
            }
        }

        /// <summary><c>KEY=VALUE</c> items of one domain; the list stays owned by the object.</summary>
        internal static string[] GetMetadata(nint majorObject, string? domain) =>
            CslStringList.Read(GDALGetMetadata(majorObject, domain));

        internal static string? GetMetadataItem(nint majorObject, string name, string? domain) =>
            PtrToString(GDALGetMetadataItem(majorObject, name, domain));

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial GdalDatasetHandle GDALOpenEx(
            string filename, uint openFlags, nint allowedDrivers, nint openOptions, nint siblingFiles);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void GDALClose(nint dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterXSize(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterYSize(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterCount(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetRasterBand(GdalDatasetHandle dataset, int band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetDatasetDriver(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetDriverShortName(nint driver);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetDriverLongName(nint driver);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int GDALGetGeoTransform(GdalDatasetHandle dataset, double* geoTransform);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetProjectionRef(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetGCPCount(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetGCPProjection(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetGCPs(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int GDALGCPsToGeoTransform(int count, nint gcps, double* geoTransform, int approxOk);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetFileList(GdalDatasetHandle dataset);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int GDALDatasetRasterIOEx(
            GdalDatasetHandle dataset,
            int rwFlag,
            int xOff,
            int yOff,
            int xSize,
            int ySize,
            void* buffer,
            int bufferXSize,
            int bufferYSize,
            GdalDataType bufferType,
            int bandCount,
            int* bandMap,
            long pixelSpace,
            long lineSpace,
            long bandSpace,
            GdalRasterIOExtraArg* extraArg);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int GDALSetGeoTransform(GdalDatasetHandle dataset, double* geoTransform);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial int GDALSetProjection(GdalDatasetHandle dataset, string wkt);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetMetadataDomainList(nint majorObject);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint GDALGetMetadata(nint majorObject, string? domain);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint GDALGetMetadataItem(nint majorObject, string name, string? domain);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void CSLDestroy(nint list);
    }
}
