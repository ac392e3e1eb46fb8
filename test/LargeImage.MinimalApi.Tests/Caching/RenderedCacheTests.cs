using System.Diagnostics.Metrics;
using System.Globalization;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>The rendered-bytes cache on a real FusionCache (and a real Redis where asked): renders happen once.</summary>
public sealed class RenderedCacheTests
{
    [Fact]
    public async Task Second_identical_request_is_not_rendered_again()
    {
        using var host = new CacheHost();
        var key = Key("tile/0/0/0/");

        var first = await host.Cache.GetOrRenderAsync(key, _ => [1, 2, 3], default);
        var second = await host.Cache.GetOrRenderAsync(key, NotAgain, default);

        Assert.Equal(first, second);
        Assert.Equal(1, host.Metrics.Renders);
        Assert.Equal(1, host.Metrics.Lookups("miss"));
        Assert.Equal(1, host.Metrics.Lookups("memory"));
    }

    [Fact]
    public async Task Concurrent_identical_cold_requests_render_once()
    {
        using var host = new CacheHost();
        var key = Key("tile/3/2/1/");
        using var gate = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            gate.Wait();
            return await host.Cache.GetOrRenderAsync(key, _ =>
            {
                Thread.Sleep(200);
                return [42];
            }, default);
        })).ToArray();
        gate.Set();
        var results = await Task.WhenAll(requests);

        Assert.All(results, bytes => Assert.Equal([42], bytes));
        Assert.Equal(1, host.Metrics.Renders);
    }

    [Fact]
    public async Task Different_keys_render_separately()
    {
        using var host = new CacheHost();

        await host.Cache.GetOrRenderAsync(Key("tile/0/0/0/"), _ => [1], default);
        await host.Cache.GetOrRenderAsync(Key("tile/0/0/0/", format: "webp"), _ => [2], default);
        await host.Cache.GetOrRenderAsync(Key("tile/0/0/0/", version: "2"), _ => [3], default);

        Assert.Equal(3, host.Metrics.Renders);
    }

    [Fact]
    public async Task Outputs_over_the_entry_limit_are_not_kept()
    {
        using var host = new CacheHost(settings => settings.Cache.MaxCachedBytesPerEntry = 4);
        var key = Key("region/big");

        await host.Cache.GetOrRenderAsync(key, _ => new byte[5], default);
        await host.Cache.GetOrRenderAsync(key, _ => new byte[5], default);

        Assert.Equal(2, host.Metrics.Renders);
    }

    [Fact]
    public async Task Memory_level_stays_within_its_size_limit()
    {
        using var host = new CacheHost(settings => settings.Cache.MemorySizeLimitBytes = 10_000);

        for (var i = 0; i < 50; i++)
        {
            await host.Cache.GetOrRenderAsync(Key($"tile/9/{i}/0/"), _ => new byte[1_000], default);
        }

        // Compaction makes room in the background; what matters is that old entries go, so some render again.
        await Task.Delay(200);
        for (var i = 0; i < 50; i++)
        {
            await host.Cache.GetOrRenderAsync(Key($"tile/9/{i}/0/"), _ => new byte[1_000], default);
        }

        Assert.True(host.Metrics.Renders > 60, $"Only {host.Metrics.Renders} renders: entries were not evicted.");
    }

    [SkippableFact]
    public async Task Instances_share_renders_through_redis_and_survive_its_outage()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.MissingReason);
        using var redis = await RedisServer.StartAsync();
        using var a = new CacheHost(settings =>
        {
            settings.Cache.Redis = redis.Configuration;
            settings.Cache.RedisTimeout = TimeSpan.Parse(RedisServer.PatientTimeout, CultureInfo.InvariantCulture);
        });
        using var b = new CacheHost(settings =>
        {
            settings.Cache.Redis = redis.Configuration;
            settings.Cache.RedisTimeout = TimeSpan.Parse(RedisServer.PatientTimeout, CultureInfo.InvariantCulture);
        });
        var key = Key($"tile/1/1/1/{Guid.NewGuid()}");

        var rendered = await a.Cache.GetOrRenderAsync(key, _ => [7, 7, 7], default);
        var shared = await b.Cache.GetOrRenderAsync(key, NotAgain, default);

        Assert.Equal(rendered, shared);
        Assert.Equal(1, a.Metrics.Renders);
        Assert.Equal(0, b.Metrics.Renders);
        Assert.Equal(1, b.Metrics.Lookups("distributed"));

        redis.Stop();
        var other = Key($"tile/1/1/2/{Guid.NewGuid()}");
        Assert.Equal([8], await a.Cache.GetOrRenderAsync(other, _ => [8], default));
        Assert.Equal([8], await b.Cache.GetOrRenderAsync(other, _ => [8], default));
        Assert.Equal([7, 7, 7], await b.Cache.GetOrRenderAsync(key, _ => [9], default));
        Assert.Equal([8], await a.Cache.GetOrRenderAsync(other, _ => [10], default));
    }

    private static byte[] NotAgain(CancellationToken token) => throw new InvalidOperationException("Rendered although cached.");

    private static RenderKey Key(string operation, string format = "png", string version = "1") =>
        new(new ResolvedFile("/media/a.tif", version), ImageRequest.AutomaticReader, null, 0, operation, string.Empty, format, 0);

    /// <summary>The package's caching services in a container of their own, as one app instance has them.</summary>
    private sealed class CacheHost : IDisposable
    {
        private readonly ServiceProvider services;

        public CacheHost(Action<Options.LargeImageOptions>? configure = null)
        {
            services = new ServiceCollection().AddLogging().AddLargeImage(configure).Services.BuildServiceProvider();
            Metrics = new MetricsRecorder(services.GetRequiredService<IMeterFactory>());
            Cache = services.GetRequiredService<RenderedCache>();
        }

        public RenderedCache Cache { get; }

        public MetricsRecorder Metrics { get; }

        public void Dispose()
        {
            Metrics.Dispose();
            services.Dispose();
        }
    }
}
