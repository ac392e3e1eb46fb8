using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        /// <summary>Runs the <c>gdal_translate</c> library entry point (e.g. a region written as a COG).</summary>
        internal static GdalDatasetHandle Translate(string destination, GdalDatasetHandle source, IReadOnlyList<string> arguments)
        {
            EnsureInitialized();
            using var argv = new CslStringList(arguments);
            ResetError();
            using var options = GDALTranslateOptionsNew(argv.Pointer, 0);
            if (options.IsInvalid)
            {
                throw LastError("parsing gdal_translate arguments");
            }

            var result = GDALTranslate(destination, source, options, out var usageError);
            if (result.IsInvalid)
            {
                result.Dispose();
                throw LastError(usageError != 0 ? "gdal_translate arguments" : "translating");
            }

            return result;
        }

        internal static void FreeTranslateOptions(nint options) => GDALTranslateOptionsFree(options);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial GdalTranslateOptionsHandle GDALTranslateOptionsNew(nint argv, nint optionsForBinary);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void GDALTranslateOptionsFree(nint options);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial GdalDatasetHandle GDALTranslate(
            string destination, GdalDatasetHandle source, GdalTranslateOptionsHandle options, out int usageError);
    }
}
