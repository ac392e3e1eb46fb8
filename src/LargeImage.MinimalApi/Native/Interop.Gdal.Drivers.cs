using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

internal static partial class Interop
{
    internal static partial class Gdal
    {
        /// <summary>
        /// Drivers whose files are descriptions of other data (VRT, web services, tile caches): opening one makes
        /// GDAL read whatever paths or URLs it names, which would walk around the allowed roots and the host
        /// allow-list. User files are never opened with them.
        /// </summary>
        private static readonly HashSet<string> ReferencingDrivers = new(StringComparer.OrdinalIgnoreCase)
        {
            "VRT", "DERIVED", "GTI", "WMS", "WMTS", "WCS", "TMS", "OGCAPI", "STACTA", "STACIT", "ESRIC", "PLMOSAIC",
            "DAAS", "EEDAI", "NGW", "RASTERLITE", "PDS4", "SENTINEL2", "SAFE", "RCM", "RS2",
        };

        private static readonly Lazy<string[]> UserFileDrivers = new(ListUserFileDrivers);

        /// <summary>Short names of every registered raster driver that may open a user's file.</summary>
        internal static IReadOnlyList<string> AllowedUserFileDrivers => UserFileDrivers.Value;

        private static string[] ListUserFileDrivers()
        {
            EnsureInitialized();
            var names = new List<string>();
            var count = GDALGetDriverCount();
            for (var i = 0; i < count; i++)
            {
                var name = PtrToString(GDALGetDriverShortName(GDALGetDriver(i)));
                if (name is not null && !ReferencingDrivers.Contains(name))
                {
                    names.Add(name);
                }
            }

            return [.. names];
        }

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial int GDALGetDriverCount();

        [LibraryImport(NativeLibraryLoader.Gdal)]
        private static partial nint GDALGetDriver(int index);
    }
}
