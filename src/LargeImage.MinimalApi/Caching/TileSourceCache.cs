using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// Keeps opened readers, because opening a file (headers, IFDs, statistics) costs far more than reading a tile.
/// Bounded and least-recently-used; an evicted reader is disposed only when the last request using it lets go,
/// so a slow request never reads from a closed handle.
/// </summary>
internal sealed class TileSourceCache : IDisposable
{
    private readonly Lock sync = new();
    private readonly Dictionary<SourceKey, Entry> entries = [];
    private readonly LinkedList<Entry> recency = new();
    private readonly TileSourceResolver resolver;
    private readonly int capacity;

    public TileSourceCache(TileSourceResolver resolver, IOptions<LargeImageOptions> options)
    {
        this.resolver = resolver;
        capacity = options.Value.MaxOpenReaders;
    }

    /// <summary>Number of readers currently held open, including evicted ones still in use.</summary>
    public int OpenCount
    {
        get
        {
            lock (sync)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Borrows the reader for a file, opening it on first use. Dispose the lease when done.</summary>
    public TileSourceLease Acquire(SourceKey key, ITileSourceReader? forced)
    {
        Entry entry;
        lock (sync)
        {
            if (entries.TryGetValue(key, out var found))
            {
                recency.Remove(found.Node);
                recency.AddFirst(found.Node);
                entry = found;
            }
            else
            {
                entry = new Entry(key, new Lazy<ITileSource>(() => resolver.Open(key.Path, forced, key.Projection)));
                entries[key] = entry;
                recency.AddFirst(entry.Node);
                EvictOverflow();
            }

            entry.Users++;
        }

        try
        {
            return new TileSourceLease(entry.Source.Value, () => Release(entry));
        }
        catch
        {
            // A file that fails to open must not stay cached as a poisoned Lazy.
            lock (sync)
            {
                entry.Users--;
                Forget(entry);
            }

            throw;
        }
    }

    public void Dispose()
    {
        lock (sync)
        {
            foreach (var entry in entries.Values.ToArray())
            {
                Forget(entry);
            }
        }
    }

    private void Release(Entry entry)
    {
        lock (sync)
        {
            entry.Users--;
            if (entry.Evicted && entry.Users == 0)
            {
                DisposeSource(entry);
            }
        }
    }

    private void EvictOverflow()
    {
        var node = recency.Last;
        while (recency.Count > capacity && node is not null)
        {
            var previous = node.Previous;
            Forget(node.Value);
            node = previous;
        }
    }

    private void Forget(Entry entry)
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
            DisposeSource(entry);
        }
    }

    private static void DisposeSource(Entry entry)
    {
        if (entry.Source.IsValueCreated)
        {
            entry.Source.Value.Dispose();
        }
    }

    private sealed class Entry
    {
        public Entry(SourceKey key, Lazy<ITileSource> source)
        {
            Key = key;
            Source = source;
            Node = new LinkedListNode<Entry>(this);
        }

        public SourceKey Key { get; }

        public Lazy<ITileSource> Source { get; }

        public LinkedListNode<Entry> Node { get; }

        public int Users { get; set; }

        public bool Evicted { get; set; }
    }
}
