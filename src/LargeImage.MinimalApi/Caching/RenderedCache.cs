using System.Diagnostics;
using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// Where rendered bytes (tiles, thumbnails, histograms, small regions) are produced and kept. Every endpoint that
/// renders goes through here with a <see cref="RenderKey"/>: memory first, then Redis when configured, and a render
/// only when neither has it — once per key however many identical requests arrive together.
/// </summary>
internal sealed class RenderedCache
{
    /// <summary>The name of the package's own FusionCache, so a host's default cache is left alone.</summary>
    public const string Name = "LargeImage";

    private static readonly FusionCacheEntryOptions MemoryOnly = new() { SkipDistributedCacheRead = true };

    private readonly IFusionCache cache;
    private readonly LargeImageMetrics metrics;
    private readonly long maxEntryBytes;

    public RenderedCache(IFusionCacheProvider caches, LargeImageMetrics metrics, IOptions<LargeImageOptions> options)
    {
        cache = caches.GetCache(Name);
        this.metrics = metrics;
        maxEntryBytes = options.Value.Cache.MaxCachedBytesPerEntry;
    }

    /// <summary>
    /// The bytes for <paramref name="key"/>, from a cache level or from <paramref name="render"/>. The render runs in the
    /// calling request, with its cancellation; it must not depend on anything but what the key describes.
    /// </summary>
    public ValueTask<byte[]> GetOrRenderAsync(RenderKey key, Func<CancellationToken, byte[]> render, CancellationToken cancellationToken) =>
        GetOrRenderAsync(key, token => Task.FromResult(render(token)), cancellationToken);

    /// <summary>As above, for renders that await (e.g. resolving a style's statistics first).</summary>
    public async ValueTask<byte[]> GetOrRenderAsync(RenderKey key, Func<CancellationToken, Task<byte[]>> render, CancellationToken cancellationToken)
    {
        var canonical = key.Canonical;

        // The hot path: one memory lookup, no allocation for the factory or the trace, and synchronous, since a
        // memory-only read never waits.
        var cached = cache.TryGet<byte[]>(canonical, MemoryOnly, cancellationToken);
        if (cached.HasValue)
        {
            Answered(CacheLevel.Memory);
            return cached.Value;
        }

        var trace = LookupTrace.Begin();
        var bytes = await cache.GetOrSetAsync<byte[]>(
            canonical,
            async (context, token) =>
            {
                trace.Rendered = true;
                var start = Stopwatch.GetTimestamp();
                var rendered = await render(token);
                metrics.Rendered(key.Kind, start);
                if (rendered.Length > maxEntryBytes)
                {
                    context.Options.SkipMemoryCacheWrite = true;
                    context.Options.SkipDistributedCacheWrite = true;
                }
                else
                {
                    context.Options.Size = Math.Max(1, rendered.Length);
                }

                return rendered;
            },
            token: cancellationToken);
        Answered(trace.Level);
        return bytes;
    }

    private void Answered(CacheLevel level)
    {
        metrics.LookedUp(level);
        ServerTiming.RecordCache(level);
    }
}
