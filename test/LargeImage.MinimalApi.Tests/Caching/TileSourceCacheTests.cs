using System.Diagnostics.Metrics;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>The open-reader cache's bookkeeping: LRU bound, reference-counted disposal, version changes, failures.</summary>
public sealed class TileSourceCacheTests : IDisposable
{
    private readonly RecordingReader reader = new();
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    [Fact]
    public void Least_recently_used_reader_is_disposed_beyond_the_bound()
    {
        using var cache = Create(capacity: 2);

        Use(cache, "a");
        Use(cache, "b");
        Use(cache, "a");
        Use(cache, "c");

        var byPath = reader.Opened.ToDictionary(s => s.Path);
        Assert.True(byPath["b"].IsDisposed);
        Assert.False(byPath["a"].IsDisposed);
        Assert.False(byPath["c"].IsDisposed);
        Assert.Equal(3, reader.Opens);
        Assert.Equal(2, cache.OpenCount);
    }

    /// <summary>The readers remember what they learn under the version the request read, so they must be given it.</summary>
    [Fact]
    public void A_file_is_ranked_and_opened_under_the_version_the_request_read()
    {
        using var cache = Create(capacity: 1);

        Use(cache, "a", "7");
        Use(cache, "b");
        Use(cache, "a", "7");

        Assert.Equal(["7", "1", "7"], reader.Opened.Select(s => s.Version));
        Assert.Equal(2, reader.Rankings);
    }

    [Fact]
    public void Reader_is_reused_while_cached()
    {
        using var cache = Create(capacity: 4);

        Use(cache, "a");
        Use(cache, "a");

        Assert.Equal(1, reader.Opens);
    }

    [Fact]
    public async Task Evicted_reader_in_use_by_a_slow_request_is_disposed_only_after_it_finishes()
    {
        using var cache = Create(capacity: 1);
        var slowLease = Acquire(cache, Key("slow"));
        var slowSource = (RecordingTileSource)slowLease.Source;
        var slowRequest = Task.Run(() =>
        {
            using (slowLease)
            {
                slowSource.SlowRead(TimeSpan.FromMilliseconds(300));
            }
        });

        // Other files push the slow one out of the cache while it is still reading.
        Use(cache, "b");
        Use(cache, "c");
        Assert.False(slowSource.IsDisposed);
        Assert.Equal(2, cache.OpenCount);

        await slowRequest;

        Assert.Equal(1, slowSource.Disposals);
        Assert.Equal(1, cache.OpenCount);
    }

    [Fact]
    public void Changed_file_version_reopens_and_retires_the_old_reader()
    {
        using var cache = Create(capacity: 8);

        Use(cache, "a", version: "1");
        Use(cache, "a", version: "2");

        var opened = reader.Opened.ToArray();
        Assert.Equal(2, opened.Length);
        Assert.True(opened[0].IsDisposed);
        Assert.False(opened[1].IsDisposed);
        Assert.Equal(1, cache.OpenCount);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_open()
    {
        reader.OpenDelay = TimeSpan.FromMilliseconds(100);
        using var cache = Create(capacity: 4);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Use(cache, "a"))));

        Assert.Equal(1, reader.Opens);
    }

    [Fact]
    public void A_failed_open_is_not_cached()
    {
        using var cache = Create(capacity: 4);
        reader.Failing["bad"] = true;

        Assert.Throws<UnsupportedFileException>(() => Use(cache, "bad"));
        reader.Failing.Clear();
        Use(cache, "bad");

        Assert.Equal(2, reader.Opens);
        Assert.Equal(1, cache.OpenCount);
    }

    [Fact]
    public void Disposing_the_cache_closes_idle_readers_now_and_busy_ones_when_released()
    {
        var cache = Create(capacity: 4);
        Use(cache, "idle");
        var busy = Acquire(cache, Key("busy"));

        cache.Dispose();

        var byPath = reader.Opened.ToDictionary(s => s.Path);
        Assert.True(byPath["idle"].IsDisposed);
        Assert.False(byPath["busy"].IsDisposed);
        busy.Dispose();
        Assert.True(byPath["busy"].IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => Acquire(cache, Key("idle")));
    }

    [Fact]
    public void Open_reader_gauge_follows_the_cache()
    {
        using var recorder = new MetricsRecorder(services.GetRequiredService<IMeterFactory>());
        using var cache = Create(capacity: 2);

        Use(cache, "a");
        Use(cache, "b");
        Use(cache, "c");

        Assert.Equal(2, recorder.OpenReaders);
    }

    [Fact]
    public async Task Many_concurrent_users_never_see_a_disposed_reader_and_every_reader_is_closed_once()
    {
        var cache = Create(capacity: 3);
        var paths = Enumerable.Range(0, 8).Select(i => $"f{i}").ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 300; i++)
            {
                using var lease = Acquire(cache, Key(paths[random.Next(paths.Length)]));
                ((RecordingTileSource)lease.Source).SlowRead(TimeSpan.Zero);
            }
        })));
        cache.Dispose();

        Assert.All(reader.Opened, source => Assert.Equal(1, source.Disposals));
        Assert.Equal(0, cache.OpenCount);
    }

    private static SourceKey Key(string path, string version = "1") => new(path, version, null, null);

    private static void Use(TileSourceCache cache, string path, string version = "1")
    {
        using var lease = Acquire(cache, Key(path, version));
        ((RecordingTileSource)lease.Source).SlowRead(TimeSpan.Zero);
    }

    /// <summary>A local file opens on the calling thread: nothing in the open of a local file waits asynchronously.</summary>
    private static TileSourceLease Acquire(TileSourceCache cache, SourceKey key)
    {
        var pending = cache.AcquireAsync(key, null);
        Assert.True(pending.IsCompleted, "Acquiring a local file's reader went asynchronous.");
        return pending.Result;
    }

    private TileSourceCache Create(int capacity) => new(
        new TileSourceResolver([reader]),
        Microsoft.Extensions.Options.Options.Create(new LargeImageOptions { MaxOpenReaders = capacity }),
        new LargeImageMetrics(services.GetRequiredService<IMeterFactory>()));
}
