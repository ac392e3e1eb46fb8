using System.Collections.Concurrent;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Reuses the few exact-size pixel buffers every tile needs (the read samples, the rendered RGBA). At 192–256 KB they
/// are large-object-heap arrays: allocated per tile, the runtime kept handing out freshly decommitted pages for them,
/// and touching those pages cost more than reading and encoding the tile (1.2 ms tiles became 3.6 ms for seconds at a
/// time). Buffers come back only from code that knows the tile is finished; one that never comes back is collected.
/// </summary>
internal static class PixelBuffers
{
    /// <summary>Buffers kept per size: enough for every tile in flight on a busy server.</summary>
    private const int KeptPerSize = 64;

    /// <summary>Only tile-sized buffers are kept; big regions and thumbnails allocate as before.</summary>
    private const int MaxPooledLength = 1024 * 1024;

    private static readonly ConcurrentDictionary<int, ConcurrentQueue<byte[]>> Free = new();

    /// <summary>A buffer of exactly <paramref name="length"/> bytes; zeroed only when <paramref name="clear"/> is set.</summary>
    public static byte[] Rent(int length, bool clear)
    {
        if (length <= MaxPooledLength && Free.TryGetValue(length, out var kept) && kept.TryDequeue(out var buffer))
        {
            if (clear)
            {
                Array.Clear(buffer);
            }

            return buffer;
        }

        return new byte[length];
    }

    /// <summary>Gives a buffer back; the caller must hold no other reference to it.</summary>
    public static void Return(byte[]? buffer)
    {
        if (buffer is null || buffer.Length > MaxPooledLength)
        {
            return;
        }

        // A queue's count is two reads; a bag's locks every thread's list, on every tile.
        var kept = Free.GetOrAdd(buffer.Length, _ => new ConcurrentQueue<byte[]>());
        if (kept.Count < KeptPerSize)
        {
            kept.Enqueue(buffer);
        }
    }
}
