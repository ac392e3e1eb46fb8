using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Up to N open handles of one file. A GDAL dataset handle is single-threaded (its block cache, file pointer and
/// error state are per handle), so sharing one handle would serialise every request for that file behind a lock;
/// instead each read rents a handle of its own, and N concurrent requests for one file read in parallel. Handles
/// are opened lazily, so an idle file costs one handle (the one it was validated with), or none for a pool started
/// empty.
/// </summary>
/// <remarks>
/// Because blocks are cached per handle, neighbouring tiles read on different handles decode their shared blocks once
/// each: six concurrent reads of a 4 × 3 viewport of the benchmark COG cost 1.5–1.9 times the CPU of the same tiles
/// read in turn. A read may therefore name the block it mostly reads (<see cref="BlockKey"/>): it then waits for a
/// handle busy with that block rather than decode it again elsewhere, and prefers an idle handle that read that block
/// last. Native-grid viewports read that way took 15–20% less CPU and 8–15% less time. Web-mercator tiles, whose
/// source windows straddle blocks unevenly, name a region of several blocks instead (a "block" of that size).
/// </remarks>
internal sealed class GdalDatasetPool : IDisposable
{
    /// <summary>The key of a read that names no block.</summary>
    public const long NoBlock = -1;

    private readonly Func<GdalDatasetHandle> open;
    private readonly Slot[] slots;
    private readonly object sync = new();
    private long returns;
    private bool disposed;

    /// <param name="first">
    /// An already-open handle (the one the file was validated with), adopted by the pool; null to open the first one on
    /// the first rent.
    /// </param>
    /// <param name="size">Most handles open at once.</param>
    /// <param name="open">Opens another handle of the same file.</param>
    public GdalDatasetPool(GdalDatasetHandle? first, int size, Func<GdalDatasetHandle> open)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        this.open = open;
        slots = Enumerable.Range(0, size).Select(_ => new Slot()).ToArray();
        slots[0].Handle = first;
    }

    /// <summary>
    /// The key of the block of <paramref name="level"/> (any small number telling scales apart) holding pixel
    /// (<paramref name="column"/>, <paramref name="row"/>) of that level.
    /// </summary>
    public static long BlockKey(int level, double column, double row, (int Width, int Height) block)
    {
        var x = (long)Math.Floor(column / Math.Max(1, block.Width)) & 0xFFFFFF;
        var y = (long)Math.Floor(row / Math.Max(1, block.Height)) & 0xFFFFFF;
        return ((long)(level & 0x7FFF) << 48) | (x << 24) | y;
    }

    /// <summary>
    /// Takes a handle for the calling thread, waiting while all N are in use, or while another read of
    /// <paramref name="block"/> holds one.
    /// </summary>
    public Lease Rent(long block = NoBlock)
    {
        Slot slot;
        lock (sync)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                if (TryTake(block) is { } taken)
                {
                    slot = taken;
                    break;
                }

                Monitor.Wait(sync);
            }
        }

        if (slot.Handle is null)
        {
            try
            {
                slot.Handle = open();
            }
            catch
            {
                Release(slot);
                throw;
            }
        }

        return new Lease(this, slot);
    }

    public void Dispose()
    {
        lock (sync)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            foreach (var slot in slots.Where(s => !s.Busy))
            {
                slot.Handle?.Dispose();
                slot.Handle = null;
            }

            Monitor.PulseAll(sync);
        }
    }

    // Called under the lock: the slot to read from, marked busy, or null to wait.
    private Slot? TryTake(long block)
    {
        Slot? idle = null;
        Slot? unopened = null;
        foreach (var slot in slots)
        {
            if (slot.Busy)
            {
                if (block != NoBlock && slot.Block == block)
                {
                    return null;
                }

                continue;
            }

            if (slot.Handle is null)
            {
                unopened ??= slot;
            }
            else if (block != NoBlock && slot.Block == block)
            {
                idle = slot;
                break;
            }
            else if (idle is null || slot.Returned > idle.Returned)
            {
                // The handle used last keeps a single reader on one warm block cache.
                idle = slot;
            }
        }

        var chosen = idle ?? unopened;
        if (chosen is not null)
        {
            chosen.Busy = true;
            chosen.Block = block;
        }

        return chosen;
    }

    private void Release(Slot slot)
    {
        lock (sync)
        {
            slot.Busy = false;
            slot.Returned = ++returns;
            if (disposed)
            {
                slot.Handle?.Dispose();
                slot.Handle = null;
            }

            Monitor.PulseAll(sync);
        }
    }

    /// <summary>Exclusive use of one handle until disposed.</summary>
    internal sealed class Lease(GdalDatasetPool pool, Slot slot) : IDisposable
    {
        private GdalDatasetPool? owner = pool;

        public GdalDatasetHandle Handle { get; } = slot.Handle!;

        public void Dispose() => Interlocked.Exchange(ref owner, null)?.Release(slot);
    }

    /// <summary>One handle's place in the pool; guarded by the pool's lock.</summary>
    internal sealed class Slot
    {
        public GdalDatasetHandle? Handle { get; set; }

        public bool Busy { get; set; }

        /// <summary>The block the current or last read named.</summary>
        public long Block { get; set; } = NoBlock;

        /// <summary>When the slot was last returned, in returns of the pool.</summary>
        public long Returned { get; set; }
    }
}
