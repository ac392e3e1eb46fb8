using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        /// <summary>
        /// Sets a configuration option for every path under <paramref name="prefix"/> only (e.g. <c>/vsis3/bucket</c>),
        /// so buckets with different endpoints and credentials coexist in one process.
        /// </summary>
        internal static void SetPathSpecificOption(string prefix, string key, string? value)
        {
            EnsureInitialized();
            VSISetPathSpecificOption(prefix, key, value);
        }

        /// <summary>Forgets what GDAL cached about one remote file (size, blocks), after it changed.</summary>
        internal static void CurlPartialClearCache(string prefix)
        {
            EnsureInitialized();
            VSICurlPartialClearCache(prefix);
        }

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void VSISetPathSpecificOption(string prefix, string key, string? value);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void VSICurlPartialClearCache(string prefix);
    }
}
