using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// What tells one content of a local file from the next, short of reading it: its size and last write time, which
/// change whenever it is rewritten. A request reads it once; the readers remember what they learnt under it.
/// </summary>
internal static class FileVersion
{
    private static int statxUnsupported;

    /// <summary>
    /// The file's version; null when there is no regular file. Where <c>statx</c> is missing (not glibc) or refused,
    /// <see cref="FileInfo"/> answers, and it takes FIFOs and devices for files.
    /// </summary>
    public static string? Of(string path)
    {
        if (Volatile.Read(ref statxUnsupported) == 0)
        {
            if (TryStatx(path, out var length, out var ticks) is { } regular)
            {
                return regular ? Format(length, ticks) : null;
            }

            Volatile.Write(ref statxUnsupported, 1);
        }

        var info = new FileInfo(path);
        return info.Exists ? Format(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    private static string Format(long length, long lastWriteTicks) => $"{length:x}-{lastWriteTicks:x}";

    /// <summary>As <c>Interop.Libc.TryStatRegularFile</c>, null also where the C library is not glibc.</summary>
    private static bool? TryStatx(string path, out long length, out long lastWriteTicks)
    {
        try
        {
            return Interop.Libc.TryStatRegularFile(path, out length, out lastWriteTicks);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            length = 0;
            lastWriteTicks = 0;
            return null;
        }
    }
}
