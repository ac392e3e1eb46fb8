using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>
/// Sets up the package's own named FusionCache: a size-bounded memory level and, when <c>LargeImage:Cache:Redis</c>
/// is set, Redis as the shared distributed level and backplane. Everything is read from options when the cache is
/// first used, so configuration and <c>AddRedis</c> can come in any order.
/// </summary>
internal static class RenderedCacheRegistration
{
    public static void AddRenderedCache(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RenderedCache)))
        {
            return;
        }

        services.AddSingleton<RenderedCache>();

        // Keyed and created by the container, so it is disposed with it; FusionCache does not own caches it is given.
        services.AddKeyedSingleton<IMemoryCache>(RenderedCache.Name, (provider, _) =>
            new MemoryCache(new MemoryCacheOptions { SizeLimit = CacheOptions(provider).MemorySizeLimitBytes }));
        services.AddKeyedSingleton<IDistributedCache>(RenderedCache.Name, (provider, _) =>
            new RedisCache(Microsoft.Extensions.Options.Options.Create(new RedisCacheOptions { ConfigurationOptions = RedisConfiguration(provider) })));
        services.AddKeyedSingleton<IFusionCacheBackplane>(RenderedCache.Name, (provider, _) => new RedisBackplane(
            Microsoft.Extensions.Options.Options.Create(new RedisBackplaneOptions { ConfigurationOptions = RedisConfiguration(provider) }),
            provider.GetService<ILogger<RedisBackplane>>()));

        services.AddFusionCache(RenderedCache.Name)
            .WithCacheKeyPrefixByCacheName()
            .WithRegisteredKeyedMemoryCacheByCacheName()
            .WithOptions((provider, options) =>
            {
                var cache = CacheOptions(provider);
                options.DisableTagging = true;
                options.DistributedCacheCircuitBreakerDuration = cache.RedisRetryAfter;
                options.BackplaneCircuitBreakerDuration = cache.RedisRetryAfter;
                options.DefaultEntryOptions = new FusionCacheEntryOptions
                {
                    Duration = cache.Duration,

                    // Entries FusionCache writes for itself need a size too once the memory cache has a limit.
                    Size = 1,

                    // Keys name a file version, so a stale entry is still right; it only bridges a failing render or Redis.
                    IsFailSafeEnabled = true,
                    FailSafeMaxDuration = cache.Duration * 2,

                    // The soft timeout applies only when a stale copy can be served instead; the hard one always.
                    DistributedCacheSoftTimeout = cache.RedisTimeout / 5,
                    DistributedCacheHardTimeout = cache.RedisTimeout,

                    // Written before the response, so another instance asked right after finds the tile.
                    AllowBackgroundDistributedCacheOperations = false,
                    ReThrowDistributedCacheExceptions = false,
                    ReThrowBackplaneExceptions = false,
                };
            })
            .WithPostSetup((provider, cache) =>
            {
                if (!string.IsNullOrWhiteSpace(CacheOptions(provider).Redis))
                {
                    cache.SetupDistributedCache(provider.GetRequiredKeyedService<IDistributedCache>(RenderedCache.Name), new RawBytesSerializer());
                    cache.SetupBackplane(provider.GetRequiredKeyedService<IFusionCacheBackplane>(RenderedCache.Name));
                }
            });
    }

    private static LargeImageCacheOptions CacheOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<LargeImageOptions>>().Value.Cache;

    private static ConfigurationOptions RedisConfiguration(IServiceProvider provider)
    {
        var cache = CacheOptions(provider);
        var configuration = ConfigurationOptions.Parse(cache.Redis!);

        // Keep serving while Redis is down or restarting: reconnect in the background, fail commands at once while
        // disconnected (rather than queueing them until a timeout) so the circuit breaker opens on the first one, and
        // never wait on a command longer than a request is willing to.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)Math.Ceiling(cache.RedisTimeout.TotalMilliseconds);
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        return configuration;
    }
}
