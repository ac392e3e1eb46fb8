using System.Globalization;
using System.Runtime.InteropServices;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        private static readonly Lock InitSync = new();
        private static bool initialized;

        /// <summary>
        /// Loads libgdal, registers the drivers and installs the quiet error handler, once per process. Every
        /// wrapper that is an entry point (open, SRS creation, version) calls this so no caller can forget.
        /// </summary>
        /// <exception cref="NativeLibraryException">libgdal cannot be loaded.</exception>
        internal static void EnsureInitialized()
        {
            if (Volatile.Read(ref initialized))
            {
                return;
            }

            lock (InitSync)
            {
                if (initialized)
                {
                    return;
                }

                if (!NativeLibraryLoader.TryLoad(NativeLibraryLoader.Gdal, out var error))
                {
                    throw new NativeLibraryException("GDAL", error);
                }

                InstallErrorHandler();

                // With PAM on, statistics computed on a read-only file are saved as a .aux.xml beside it when the
                // handle closes; a tile server must never write into its media folder (read-only, remote or
                // shared). An explicit GDAL_PAM_ENABLED in the environment still wins.
                if (CPLGetConfigOption("GDAL_PAM_ENABLED", null) == 0)
                {
                    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
                }

                if (CPLGetConfigOption("GDAL_CACHEMAX", null) == 0)
                {
                    CPLSetConfigOption("GDAL_CACHEMAX", LargeImageDefaults.GdalBlockCacheMiB.ToString(CultureInfo.InvariantCulture));
                }

                GDALAllRegister();
                Volatile.Write(ref initialized, true);
            }
        }

        /// <summary>The GDAL release name, e.g. <c>3.6.2</c>.</summary>
        internal static string VersionInfo(string request = "RELEASE_NAME")
        {
            EnsureInitialized();
            return PtrToString(GDALVersionInfo(request)) ?? string.Empty;
        }

        internal static void SetConfigOption(string key, string? value)
        {
            EnsureInitialized();
            CPLSetConfigOption(key, value);
        }

        /// <summary>
        /// Sets a configuration option for the calling thread only, so one request's choice (e.g. disabling sidecar
        /// files while opening) does not leak into concurrent requests.
        /// </summary>
        internal static void SetThreadLocalConfigOption(string key, string? value)
        {
            EnsureInitialized();
            CPLSetThreadLocalConfigOption(key, value);
        }

        internal static string? GetConfigOption(string key)
        {
            EnsureInitialized();
            return PtrToString(CPLGetConfigOption(key, null));
        }

        /// <summary>The size of GDAL's block cache in bytes, as GDAL resolved <c>GDAL_CACHEMAX</c>.</summary>
        internal static long CacheMaxBytes()
        {
            EnsureInitialized();
            return GDALGetCacheMax64();
        }

        /// <summary>Copies a GDAL-owned <c>const char*</c>; GDAL keeps ownership, so it must never be freed here.</summary>
        internal static string? PtrToString(nint utf8) => utf8 == 0 ? null : Marshal.PtrToStringUTF8(utf8);

        /// <summary>Copies a <c>char*</c> that the caller owns and releases it with <c>VSIFree</c>.</summary>
        internal static string? TakeString(nint utf8)
        {
            if (utf8 == 0)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(utf8);
            }
            finally
            {
                VSIFree(utf8);
            }
        }

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial void GDALAllRegister();

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint GDALVersionInfo(string request);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void CPLSetConfigOption(string key, string? value);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial void CPLSetThreadLocalConfigOption(string key, string? value);

        [LibraryImport(NativeLibraryLoader.Gdal, StringMarshalling = StringMarshalling.Utf8)]
        private static partial nint CPLGetConfigOption(string key, string? defaultValue);

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial long GDALGetCacheMax64();

        [LibraryImport(NativeLibraryLoader.Gdal)]
        internal static partial void VSIFree(nint pointer);
    }
}
