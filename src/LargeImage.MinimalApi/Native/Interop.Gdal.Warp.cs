using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        /// <summary>
        /// Runs the <c>gdalwarp</c> library entry point on one source, so a warped tile is produced by exactly the
        /// code path (transformer, overview choice, error threshold) of the command line; use <c>-of MEM</c> and an
        /// empty destination for an in-memory result.
        /// </summary>
        internal static unsafe GdalDatasetHandle Warp(string destination, GdalDatasetHandle source, IReadOnlyList<string> arguments)
        {
            EnsureInitialized();
            using var options = NewWarpAppOptions(arguments);
            var added = false;
            try
            {
                source.DangerousAddRef(ref added);
                var sources = stackalloc nint[1];
                sources[0] = source.DangerousGetHandle();
                ResetError();
                var result = GDALWarp(destination, 0, 1, sources, options, out var usageError);
                if (result.IsInvalid)
                {
                    result.Dispose();
                    throw LastError(usageError != 0 ? "gdalwarp arguments" : "warping");
                }

                return result;
            }
            finally
            {
                if (added)
                {
                    source.DangerousRelease();
                }
            }
        }

        internal static void FreeWarpAppOptions(nint options) => GDALWarpAppOptionsFree(options);

        private static GdalWarpAppOptionsHandle NewWarpAppOptions(IReadOnlyList<string> arguments)
        {
            using var argv = new CslStringList(arguments);
            ResetError();
            var options = GDALWarpAppOptionsNew(argv.Pointer, 0);
            if (options.IsInvalid)
            {
                options.Dispose();
                throw LastError("parsing gdalwarp arguments");
            }

            return options;
        }

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial GdalWarpAppOptionsHandle GDALWarpAppOptionsNew(nint argv, nint optionsForBinary);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void GDALWarpAppOptionsFree(nint options);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static unsafe partial GdalDatasetHandle GDALWarp(
            string destination, nint destinationDataset, int sourceCount, nint* sources, GdalWarpAppOptionsHandle options, out int usageError);
    }
}
