using System.Reflection;
using System.Runtime.InteropServices;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// Resolves the logical library names used by our <c>[LibraryImport]</c>s (<see cref="Gdal"/>,
/// <see cref="OpenSlide"/>, <see cref="TurboJpeg"/>, <see cref="Libc"/>) to the system's shared libraries.
/// Distributions ship versioned sonames only (<c>libgdal.so.32</c> on Debian 12, <c>.34</c>/<c>.36</c> elsewhere),
/// so we probe a list; a configured path wins.
/// One resolver per assembly is all .NET allows, hence one class for every library.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string Gdal = "gdal";
    public const string OpenSlide = "openslide";
    public const string TurboJpeg = "turbojpeg";
    public const string Libc = "c";

    private static readonly string[] GdalCandidates =
    [
        "libgdal.so.38", "libgdal.so.37", "libgdal.so.36", "libgdal.so.35", "libgdal.so.34", "libgdal.so.33",
        "libgdal.so.32", "libgdal.so.31", "libgdal.so.30", "libgdal.so", "libgdal.dylib", "gdal.dll",
    ];

    private static readonly string[] OpenSlideCandidates =
        ["libopenslide.so.1", "libopenslide.so.0", "libopenslide.so", "libopenslide.1.dylib", "libopenslide-1.dll"];

    private static readonly string[] TurboJpegCandidates =
        ["libturbojpeg.so.0", "libturbojpeg.so", "libturbojpeg.0.dylib", "libturbojpeg.dylib", "turbojpeg.dll"];

    // glibc only: its malloc_trim is the one import; elsewhere the name does not load and trimming is skipped.
    private static readonly string[] LibcCandidates = ["libc.so.6"];

    private static readonly Lock Sync = new();
    private static readonly Dictionary<string, string> ConfiguredPaths = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, LoadResult> Results = new(StringComparer.Ordinal);
    private static bool resolverInstalled;

    /// <summary>Sets explicit library paths (from options). Only effective before the first load.</summary>
    public static void Configure(string? gdalPath, string? openSlidePath)
    {
        lock (Sync)
        {
            InstallResolver();
            if (!string.IsNullOrWhiteSpace(gdalPath))
            {
                ConfiguredPaths[Gdal] = gdalPath;
            }

            if (!string.IsNullOrWhiteSpace(openSlidePath))
            {
                ConfiguredPaths[OpenSlide] = openSlidePath;
            }
        }
    }

    /// <summary>Loads a library once; the outcome (handle or reason) is remembered.</summary>
    public static bool TryLoad(string name, out string error)
    {
        var result = Load(name);
        error = result.Error ?? string.Empty;
        return result.Handle != IntPtr.Zero;
    }

    private static LoadResult Load(string name)
    {
        lock (Sync)
        {
            InstallResolver();
            if (Results.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var candidates = ConfiguredPaths.TryGetValue(name, out var configured)
                ? [configured]
                : name switch
                {
                    Gdal => GdalCandidates,
                    OpenSlide => OpenSlideCandidates,
                    Libc => LibcCandidates,
                    _ => TurboJpegCandidates,
                };
            var result = new LoadResult(IntPtr.Zero, $"none of {string.Join(", ", candidates)} could be loaded");
            foreach (var candidate in candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out var handle))
                {
                    result = new LoadResult(handle, null);
                    break;
                }
            }

            Results[name] = result;
            return result;
        }
    }

    private static void InstallResolver()
    {
        if (resolverInstalled)
        {
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        resolverInstalled = true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is Gdal or OpenSlide or TurboJpeg or Libc ? Load(libraryName).Handle : IntPtr.Zero;

    private readonly record struct LoadResult(IntPtr Handle, string? Error);
}
