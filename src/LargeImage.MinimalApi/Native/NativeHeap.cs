namespace LargeImage.MinimalApi.Native;

/// <summary>
/// Gives the memory that closed readers freed back to the operating system. glibc keeps freed chunks inside its
/// malloc arenas unless they lie at the very top of one, so once a reader's decoded blocks are freed (GDAL's block
/// cache alone holds up to 256 MiB of them) RSS stays at its high-water mark: after the load test, 570 of the 590 MiB
/// the arenas held were free. <c>malloc_trim</c> releases those pages; they must be faulted in again when next used,
/// so closing readers trims at most once per <see cref="MinimumInterval"/>, off the request's thread. Closes within the
/// interval of a trim are followed by one more when it ends: the reader closed last may hold the most (a COG's blocks).
/// </summary>
internal static class NativeHeap
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);
    private static readonly CoalescingScheduler Trims = new(MinimumInterval, () => Trim());
    private static int unsupported;

    /// <summary>Asks for a trim after readers were closed: now, or when the interval since the last one ends.</summary>
    public static void TrimAfterRelease()
    {
        if (Volatile.Read(ref unsupported) == 0)
        {
            Trims.Request();
        }
    }

    /// <summary>Trims now; false when nothing was released or the C library is not glibc.</summary>
    public static bool Trim()
    {
        try
        {
            return Interop.Libc.TrimMallocArenas();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref unsupported, 1);
            return false;
        }
    }
}
