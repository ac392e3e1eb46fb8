using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Up to N open handles of one file. A GDAL dataset handle is single-threaded (its block cache, file pointer and
/// error state are per handle), so sharing one handle would serialise every request for that file behind a lock;
/// instead each read rents a handle of its own, and N concurrent requests for one file read in parallel. Handles
/// are opened lazily, so an idle file costs one handle (the one it was validated with), or none for a pool started
/// empty.
/// </summary>
internal sealed class GdalDatasetPool : IDisposable
{
    private readonly Func<GdalDatasetHandle> open;
    private readonly SemaphoreSlim slots;
    private readonly Stack<GdalDatasetHandle> idle = new();
    private readonly Lock sync = new();
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
        slots = new SemaphoreSlim(size, size);
        if (first is not null)
        {
            idle.Push(first);
        }
    }

    /// <summary>Takes a handle for the calling thread, waiting while all N are in use.</summary>
    public Lease Rent()
    {
        slots.Wait();
        try
        {
            lock (sync)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                if (idle.TryPop(out var handle))
                {
                    return new Lease(this, handle);
                }
            }

            return new Lease(this, open());
        }
        catch
        {
            slots.Release();
            throw;
        }
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
            while (idle.TryPop(out var handle))
            {
                handle.Dispose();
            }
        }
    }

    private void Return(GdalDatasetHandle handle)
    {
        lock (sync)
        {
            if (disposed)
            {
                handle.Dispose();
            }
            else
            {
                idle.Push(handle);
            }
        }

        slots.Release();
    }

    /// <summary>Exclusive use of one handle until disposed.</summary>
    internal sealed class Lease(GdalDatasetPool pool, GdalDatasetHandle handle) : IDisposable
    {
        private GdalDatasetPool? owner = pool;

        public GdalDatasetHandle Handle { get; } = handle;

        public void Dispose() => Interlocked.Exchange(ref owner, null)?.Return(Handle);
    }
}
