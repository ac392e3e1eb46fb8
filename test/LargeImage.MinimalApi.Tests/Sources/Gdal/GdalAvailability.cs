using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

/// <summary>Skips GDAL tests on machines without libgdal (the README's test command installs it).</summary>
internal static class GdalAvailability
{
    public static void SkipIfUnavailable()
    {
        var loaded = NativeLibraryLoader.TryLoad(NativeLibraryLoader.Gdal, out var error);
        Skip.IfNot(loaded, $"libgdal is not installed: {error}");
    }
}
