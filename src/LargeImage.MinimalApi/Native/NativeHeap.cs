using System.Diagnostics;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// Gives the memory that closed readers freed back to the operating system. glibc keeps freed chunks inside its
/// malloc arenas unless they lie at the very top of one, so once a reader's decoded blocks are freed (GDAL's block
/// cache alone holds up to 256 MiB of them) RSS stays at its high-water mark: after the load test, 570 of the 590 MiB
/// the arenas held were free. <c>malloc_trim</c> releases those pages; they must be faulted in again when next used,
/// so closing readers trims at most once per <see cref="MinimumInterval"/>, off the request's thread.
/// </summary>
internal static class NativeHeap
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(5);
    private static long lastScheduled;
    private static int unsupported;

    /// <summary>Queues a trim after readers were closed, unless one ran within the interval.</summary>
    public static void TrimAfterRelease()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref lastScheduled);
        if (Volatile.Read(ref unsupported) != 0
            || (last != 0 && Stopwatch.GetElapsedTime(last, now) < MinimumInterval)
            || Interlocked.CompareExchange(ref lastScheduled, now, last) != last)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static _ => Trim(), null);
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
