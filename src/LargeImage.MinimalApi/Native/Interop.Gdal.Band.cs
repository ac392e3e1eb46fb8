using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        // Band handles (GDALRasterBandH) are owned by their dataset, so they are plain nints rather than SafeHandles;
        // callers keep the dataset's lease for as long as they use a band.
        internal static GdalDataType GetRasterDataType(nint band) => GDALGetRasterDataType(band);

        internal static (int Width, int Height) GetBlockSize(nint band)
        {
            GDALGetBlockSize(band, out var width, out var height);
            return (width, height);
        }

        internal static (int Width, int Height) GetBandSize(nint band) =>
            (GDALGetRasterBandXSize(band), GDALGetRasterBandYSize(band));

        internal static int GetOverviewCount(nint band) => GDALGetOverviewCount(band);

        internal static nint GetOverview(nint band, int index)
        {
            ResetError();
            var overview = GDALGetOverview(band, index);
            return overview != 0 ? overview : throw LastError($"getting overview {index}");
        }

        /// <summary>Reads one band's window into a buffer of <paramref name="bufferType"/> with the given spacing.</summary>
        internal static unsafe void RasterIO<T>(
            nint band,
            int xOff,
            int yOff,
            int xSize,
            int ySize,
            Span<T> buffer,
            int bufferWidth,
            int bufferHeight,
            GdalDataType bufferType,
            long pixelSpace,
            long lineSpace,
            in GdalRasterIOExtraArg extraArg)
            where T : unmanaged
        {
            if ((long)(bufferHeight - 1) * lineSpace + (long)(bufferWidth - 1) * pixelSpace + sizeof(T) > (long)buffer.Length * sizeof(T))
            {
                throw new ArgumentException("Buffer too small for the requested read.", nameof(buffer));
            }

            fixed (T* data = buffer)
            fixed (GdalRasterIOExtraArg* extra = &extraArg)
            {
                ResetError();
                Check(
                    GDALRasterIOEx(band, 0, xOff, yOff, xSize, ySize, data, bufferWidth, bufferHeight, bufferType, pixelSpace, lineSpace, extra),
                    "reading band data");
            }
        }

        internal static double? GetNoDataValue(nint band)
        {
            var value = GDALGetRasterNoDataValue(band, out var hasValue);
            return hasValue != 0 ? value : null;
        }

        internal static GdalMaskFlags GetMaskFlags(nint band) => (GdalMaskFlags)GDALGetMaskFlags(band);

        internal static nint GetMaskBand(nint band) => GDALGetMaskBand(band);

        internal static GdalColorInterpretation GetColorInterpretation(nint band) =>
            (GdalColorInterpretation)GDALGetRasterColorInterpretation(band);

        /// <summary>The band's colour table as RGBA entries, or null when it has none.</summary>
        internal static unsafe int[][]? GetColorTable(nint band)
        {
            var table = GDALGetRasterColorTable(band);
            if (table == 0)
            {
                return null;
            }

            var count = GDALGetColorEntryCount(table);
            var entries = new int[count][];
            for (var i = 0; i < count; i++)
            {
                var entry = (GdalColorEntry*)GDALGetColorEntry(table, i);
                entries[i] = entry == null ? [0, 0, 0, 0] : [entry->C1, entry->C2, entry->C3, entry->C4];
            }

            return entries;
        }

        internal static double? GetScale(nint band)
        {
            var value = GDALGetRasterScale(band, out var hasValue);
            return hasValue != 0 ? value : null;
        }

        internal static double? GetOffset(nint band)
        {
            var value = GDALGetRasterOffset(band, out var hasValue);
            return hasValue != 0 ? value : null;
        }

        /// <summary>
        /// Statistics, computed when missing (approximate allowed: GDAL then uses an overview or a block sample).
        /// Returns null when GDAL cannot compute them, e.g. when every pixel is nodata.
        /// </summary>
        internal static (double Min, double Max, double Mean, double StdDev)? GetStatistics(nint band, bool approxOk)
        {
            ResetError();
            var err = GDALGetRasterStatistics(band, approxOk ? 1 : 0, 1, out var min, out var max, out var mean, out var stdDev);
            ResetError();
            return err == 0 ? (min, max, mean, stdDev) : null;
        }

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial GdalDataType GDALGetRasterDataType(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void GDALGetBlockSize(nint band, out int xSize, out int ySize);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterBandXSize(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterBandYSize(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetOverviewCount(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetOverview(nint band, int index);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static unsafe partial int GDALRasterIOEx(
            nint band,
            int rwFlag,
            int xOff,
            int yOff,
            int xSize,
            int ySize,
            void* buffer,
            int bufferXSize,
            int bufferYSize,
            GdalDataType bufferType,
            long pixelSpace,
            long lineSpace,
            GdalRasterIOExtraArg* extraArg);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial double GDALGetRasterNoDataValue(nint band, out int success);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetMaskFlags(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetMaskBand(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterColorInterpretation(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetRasterColorTable(nint band);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetColorEntryCount(nint colorTable);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetColorEntry(nint colorTable, int index);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial double GDALGetRasterScale(nint band, out int success);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial double GDALGetRasterOffset(nint band, out int success);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetRasterStatistics(
            nint band, int approxOk, int force, out double min, out double max, out double mean, out double stdDev);
    }
}
