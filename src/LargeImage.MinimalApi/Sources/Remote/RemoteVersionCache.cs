using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Remembers each remote object's validator for a short while, so a burst of tile requests costs one HEAD
/// instead of one per tile, and tells listeners when an object changed so stale cached bytes can be dropped.
/// </summary>
internal sealed class RemoteVersionCache : IDisposable
{
    private const int MaxEntries = 10_000;

    private readonly MemoryCache validators = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly Dictionary<string, string> lastSeen = new(StringComparer.Ordinal);
    private readonly Lock sync = new();
    private readonly RemoteObjectStore store;
    private readonly TimeSpan lifetime;

    public RemoteVersionCache(RemoteObjectStore store, IOptions<LargeImageOptions> options)
    {
        this.store = store;
        lifetime = TimeSpan.FromSeconds(options.Value.Remote.ValidatorSeconds);
    }

    /// <summary>Raised with the reference whose version differs from the one seen before.</summary>
    public event Action<RemoteReference>? Changed;

    public async ValueTask<RemoteObjectInfo> GetAsync(RemoteReference reference, CancellationToken cancellationToken)
    {
        if (validators.TryGetValue(reference.Display, out RemoteObjectInfo? known))
        {
            return known!;
        }

        var info = await store.HeadAsync(reference, cancellationToken);
        if (lifetime > TimeSpan.Zero)
        {
            validators.Set(reference.Display, info, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }

        bool changed;
        lock (sync)
        {
            changed = lastSeen.TryGetValue(reference.Display, out var previous) && previous != info.Version;
            if (lastSeen.Count >= MaxEntries)
            {
                lastSeen.Clear();
            }

            lastSeen[reference.Display] = info.Version;
        }

        if (changed)
        {
            Changed?.Invoke(reference);
        }

        return info;
    }

    public void Dispose() => validators.Dispose();
}
