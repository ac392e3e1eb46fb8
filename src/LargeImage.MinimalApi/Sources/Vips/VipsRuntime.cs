using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// One-time libvips set-up shared by every NetVips user in the package. The operation cache is switched off:
/// our sources keep their own opened images, and the cache would otherwise pin decoded tiles and file handles
/// of every request process-wide (and serve stale pixels when a file is replaced on disk). Each pipeline gets one
/// libvips worker thread, not one per core, unless <c>VIPS_CONCURRENCY</c> says otherwise: a server already reads
/// many tiles at once, and splitting a 256² tile over several workers cost a third more time per read.
/// </summary>
internal static class VipsRuntime
{
    private static readonly Lazy<string?> InitialisationError = new(Initialise);

    public static bool IsAvailable => InitialisationError.Value is null;

    /// <summary>The libvips version, or why it is unavailable.</summary>
    public static string Version => InitialisationError.Value
        ?? $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    private static string? Initialise()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
            {
                return ModuleInitializer.Exception?.Message ?? "libvips could not be initialised";
            }

            Cache.Max = 0;
            if (Environment.GetEnvironmentVariable("VIPS_CONCURRENCY") is null)
            {
                NetVips.NetVips.Concurrency = 1;
            }

            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or VipsException)
        {
            return e.Message;
        }
    }
}
