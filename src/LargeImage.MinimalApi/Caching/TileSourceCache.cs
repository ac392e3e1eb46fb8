using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// Keeps opened readers, because opening a file (headers, IFDs, statistics) costs far more than reading a tile.
/// Bounded and least-recently-used; an evicted reader is disposed only when the last request using it lets go,
/// so a slow request never reads from a closed handle. A file opened in a newer version retires the older ones.
/// </summary>
/// <remarks>
/// Readers are opened and disposed outside the lock, so a slow open or close of one file never blocks requests for
/// another; concurrent first requests for one file share a single open, which no single request's cancellation
/// stops.
/// </remarks>
internal sealed class TileSourceCache : IDisposable
{
    private readonly Lock sync = new();
    private readonly Dictionary<SourceKey, Entry> entries = [];
    private readonly LinkedList<Entry> recency = new();
    private readonly TileSourceResolver resolver;
    private readonly int capacity;
    private int openCount;
    private bool disposed;

    public TileSourceCache(TileSourceResolver resolver, IOptions<LargeImageOptions> options, LargeImageMetrics metrics)
    {
        this.resolver = resolver;
        capacity = options.Value.MaxOpenReaders;
        metrics.ObserveOpenReaders(() => OpenCount);
    }

    /// <summary>Readers currently open, including evicted ones still in use.</summary>
    public int OpenCount => Volatile.Read(ref openCount);

    /// <summary>Borrows the reader for a file, opening it on first use. Dispose the lease when done.</summary>
    public async ValueTask<TileSourceLease> AcquireAsync(SourceKey key, ITileSourceReader? forced)
    {
        Entry entry;
        List<Entry> retired = [];
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (entries.TryGetValue(key, out var found))
            {
                recency.Remove(found.Node);
                recency.AddFirst(found.Node);
                entry = found;
            }
            else
            {
                entry = new Entry(key, new Lazy<Task<ITileSource>>(() => OpenAsync(key, forced)));
                RetireOtherVersions(key, retired);
                entries[key] = entry;
                recency.AddFirst(entry.Node);
                EvictOverflow(retired);
            }

            entry.Users++;
        }

        DisposeAll(retired);
        try
        {
            return new TileSourceLease(await entry.Source.Value, () => Release(entry));
        }
        catch
        {
            // A file that fails to open must not stay cached as a poisoned Lazy; the next request tries again.
            Release(entry, forget: true);
            throw;
        }
    }

    public void Dispose()
    {
        List<Entry> retired = [];
        lock (sync)
        {
            disposed = true;
            foreach (var entry in entries.Values.ToArray())
            {
                Forget(entry, retired);
            }
        }

        DisposeAll(retired);
    }

    private async Task<ITileSource> OpenAsync(SourceKey key, ITileSourceReader? forced)
    {
        var source = await resolver.OpenAsync(key.Path, key.Version, forced, key.Projection, CancellationToken.None);
        Interlocked.Increment(ref openCount);
        return source;
    }

    private void Release(Entry entry) => Release(entry, forget: false);

    private void Release(Entry entry, bool forget)
    {
        List<Entry> retired = [];
        lock (sync)
        {
            entry.Users--;
            if (forget)
            {
                Forget(entry, retired);
            }
            else if (entry.Evicted && entry.Users == 0)
            {
                retired.Add(entry);
            }
        }

        DisposeAll(retired);
    }

    private void RetireOtherVersions(SourceKey key, List<Entry> retired)
    {
        foreach (var stale in entries.Values.Where(e => e.Key.Path == key.Path && e.Key.Version != key.Version).ToArray())
        {
            Forget(stale, retired);
        }
    }

    private void EvictOverflow(List<Entry> retired)
    {
        while (recency.Count > capacity && recency.Last is { } oldest)
        {
            Forget(oldest.Value, retired);
        }
    }

    /// <summary>Removes an entry from the cache; it joins <paramref name="retired"/> if nobody uses it any more.</summary>
    private void Forget(Entry entry, List<Entry> retired)
    {
        if (entry.Evicted)
        {
            return;
        }

        entry.Evicted = true;
        entries.Remove(entry.Key);
        recency.Remove(entry.Node);
        if (entry.Users == 0)
        {
            retired.Add(entry);
        }
    }

    private void DisposeAll(List<Entry> retired)
    {
        var closed = false;
        foreach (var entry in retired)
        {
            // Faulted or never-started opens have nothing to close; nobody retires an entry whose open is running,
            // because the request waiting for it counts as a user.
            if (entry.Source.IsValueCreated && entry.Source.Value.IsCompletedSuccessfully)
            {
                Interlocked.Decrement(ref openCount);
                entry.Source.Value.Result.Dispose();
                closed = true;
            }
        }

        if (closed)
        {
            NativeHeap.TrimAfterRelease();
        }
    }

    private sealed class Entry
    {
        public Entry(SourceKey key, Lazy<Task<ITileSource>> source)
        {
            Key = key;
            Source = source;
            Node = new LinkedListNode<Entry>(this);
        }

        public SourceKey Key { get; }

        public Lazy<Task<ITileSource>> Source { get; }

        public LinkedListNode<Entry> Node { get; }

        public int Users { get; set; }

        public bool Evicted { get; set; }
    }
}
