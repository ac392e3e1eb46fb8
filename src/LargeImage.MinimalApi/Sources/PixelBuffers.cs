using System.Collections.Concurrent;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Reuses the few exact-size pixel buffers every tile needs (the read samples, the rendered RGBA). At 192–256 KB they
/// are large-object-heap arrays: allocated per tile, the runtime kept handing out freshly decommitted pages for them,
/// and touching those pages cost more than reading and encoding the tile (1.2 ms tiles became 3.6 ms for seconds at a
/// time). Buffers come back only from code that knows the tile is finished; one that never comes back is collected.
/// Regions and thumbnails come in any size, so what is kept is bounded: at most 16 MiB per size, and a fixed number
/// of sizes, the one unused longest making way for a new one.
/// </summary>
internal static class PixelBuffers
{
    /// <summary>Buffers kept per size: enough for every tile in flight on a busy server.</summary>
    private const int KeptPerSize = 64;

    /// <summary>Fewer of bigger buffers: at most this many bytes per size.</summary>
    private const int KeptBytesPerSize = 16 * 1024 * 1024;

    /// <summary>Sizes kept at once; with the per-size bound, at most 512 MiB however many sizes are asked for.</summary>
    private const int MaxSizes = 32;

    /// <summary>Only tile-sized buffers are kept; big regions and thumbnails allocate as before.</summary>
    private const int MaxPooledLength = 1024 * 1024;

    private static readonly ConcurrentDictionary<int, SizeClass> Free = new();

    /// <summary>A buffer of exactly <paramref name="length"/> bytes; zeroed only when <paramref name="clear"/> is set.</summary>
    public static byte[] Rent(int length, bool clear)
    {
        if (length <= MaxPooledLength && Free.TryGetValue(length, out var kept) && kept.TryTake() is { } buffer)
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
        if (buffer is null || buffer.Length == 0 || buffer.Length > MaxPooledLength)
        {
            return;
        }

        if (!Free.TryGetValue(buffer.Length, out var kept))
        {
            if (Free.Count >= MaxSizes)
            {
                // Rare (a size not seen lately), so the dictionary's count and a scan are affordable here.
                KeyValuePair<int, SizeClass>? stalest = null;
                foreach (var entry in Free)
                {
                    if (stalest is not { } oldest || entry.Value.LastUsed < oldest.Value.LastUsed)
                    {
                        stalest = entry;
                    }
                }

                if (stalest is { } evicted)
                {
                    Free.TryRemove(evicted);
                }
            }

            kept = Free.GetOrAdd(buffer.Length, length => new SizeClass(Math.Min(KeptPerSize, KeptBytesPerSize / length)));
        }

        kept.TryKeep(buffer);
    }

    /// <summary>The buffers kept of one size, and when one was last taken or kept.</summary>
    private sealed class SizeClass(int capacity)
    {
        // A queue's count is two reads; a bag's locks every thread's list, on every tile.
        private readonly ConcurrentQueue<byte[]> buffers = new();

        public long LastUsed { get; private set; } = Environment.TickCount64;

        public byte[]? TryTake()
        {
            LastUsed = Environment.TickCount64;
            return buffers.TryDequeue(out var buffer) ? buffer : null;
        }

        public void TryKeep(byte[] buffer)
        {
            LastUsed = Environment.TickCount64;
            if (buffers.Count < capacity)
            {
                buffers.Enqueue(buffer);
            }
        }
    }
}
