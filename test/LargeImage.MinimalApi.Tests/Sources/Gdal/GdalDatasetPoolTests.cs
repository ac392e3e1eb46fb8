using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources.Gdal;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

public sealed class GdalDatasetPoolTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>
{
    [SkippableFact]
    public void Concurrent_leases_get_distinct_handles_up_to_the_pool_size()
    {
        GdalAvailability.SkipIfUnavailable();
        var opened = 0;
        using var pool = new GdalDatasetPool(Interop.Gdal.OpenEx(fixtures.Rgb), 2, () =>
        {
            Interlocked.Increment(ref opened);
            return Interop.Gdal.OpenEx(fixtures.Rgb);
        });

        using (var first = pool.Rent())
        using (var second = pool.Rent())
        {
            Assert.NotEqual(first.Handle.DangerousGetHandle(), second.Handle.DangerousGetHandle());
            var third = RentOnItsOwnThread(pool, GdalDatasetPool.NoBlock);
            Assert.False(third.Wait(200), "a third lease must wait while both handles are in use");
            first.Dispose();
            Assert.True(third.Wait(5000));
        }

        Assert.Equal(1, opened);
    }

    [SkippableFact]
    public void Disposing_the_pool_closes_idle_handles_and_later_returns()
    {
        GdalAvailability.SkipIfUnavailable();
        var idle = Interop.Gdal.OpenEx(fixtures.Rgb);
        var pool = new GdalDatasetPool(idle, 2, () => Interop.Gdal.OpenEx(fixtures.Rgb));
        var lease = pool.Rent();
        var rented = lease.Handle;

        pool.Dispose();
        Assert.False(rented.IsClosed);
        lease.Dispose();
        lease.Dispose();

        Assert.True(rented.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [SkippableFact]
    public void An_empty_pool_opens_on_first_rent_and_retries_an_open_that_failed()
    {
        GdalAvailability.SkipIfUnavailable();
        var attempts = 0;
        using var pool = new GdalDatasetPool(null, 2, () =>
            Interlocked.Increment(ref attempts) == 1 ? Interop.Gdal.OpenEx(fixtures.Rgb + ".missing") : Interop.Gdal.OpenEx(fixtures.Rgb));
        Assert.Equal(0, attempts);

        Assert.Throws<NativeLibraryException>(() => pool.Rent());
        using (var lease = pool.Rent())
        {
            Assert.Equal(600, Interop.Gdal.GetRasterXSize(lease.Handle));
        }

        using (pool.Rent())
        {
            Assert.Equal(2, attempts);
        }
    }

    [SkippableFact]
    public void A_read_of_a_block_in_use_waits_for_that_handle_though_another_is_free()
    {
        GdalAvailability.SkipIfUnavailable();
        using var pool = new GdalDatasetPool(Interop.Gdal.OpenEx(fixtures.Rgb), 2, () => Interop.Gdal.OpenEx(fixtures.Rgb));
        var block = GdalDatasetPool.BlockKey(0, 10, 10, (256, 256));
        var first = pool.Rent(block);
        var handle = first.Handle.DangerousGetHandle();

        var second = RentOnItsOwnThread(pool, block);
        Assert.False(second.Wait(200), "a read of the same block must wait for the handle reading it");
        using (var other = pool.Rent(GdalDatasetPool.BlockKey(0, 300, 10, (256, 256))))
        {
            Assert.NotEqual(handle, other.Handle.DangerousGetHandle());
        }

        first.Dispose();
        Assert.True(second.Wait(5000));
        Assert.Equal(handle, second.Result);
    }

    [SkippableFact]
    public void An_idle_handle_that_read_the_block_is_preferred_to_the_one_used_last()
    {
        GdalAvailability.SkipIfUnavailable();
        using var pool = new GdalDatasetPool(Interop.Gdal.OpenEx(fixtures.Rgb), 2, () => Interop.Gdal.OpenEx(fixtures.Rgb));
        var (a, b) = (GdalDatasetPool.BlockKey(1, 0, 0, (256, 256)), GdalDatasetPool.BlockKey(1, 256, 0, (256, 256)));
        var first = pool.Rent(a);
        var second = pool.Rent(b);
        var (readA, readB) = (first.Handle.DangerousGetHandle(), second.Handle.DangerousGetHandle());
        first.Dispose();
        second.Dispose();

        using (var again = pool.Rent(a))
        {
            Assert.Equal(readA, again.Handle.DangerousGetHandle());
        }

        using var unnamed = pool.Rent();
        Assert.Equal(readA, unnamed.Handle.DangerousGetHandle());
        Assert.NotEqual(readA, readB);
    }

    [Fact]
    public void Block_keys_tell_blocks_and_levels_apart()
    {
        var block = (512, 512);

        Assert.Equal(GdalDatasetPool.BlockKey(3, 0, 0, block), GdalDatasetPool.BlockKey(3, 511.9, 511.9, block));
        Assert.NotEqual(GdalDatasetPool.BlockKey(3, 511.9, 0, block), GdalDatasetPool.BlockKey(3, 512, 0, block));
        Assert.NotEqual(GdalDatasetPool.BlockKey(3, 0, 511.9, block), GdalDatasetPool.BlockKey(3, 0, 512, block));
        Assert.NotEqual(GdalDatasetPool.BlockKey(3, 0, 0, block), GdalDatasetPool.BlockKey(4, 0, 0, block));
        Assert.NotEqual(GdalDatasetPool.NoBlock, GdalDatasetPool.BlockKey(0x7FFF, -1, -1, block));
    }

    // A thread of its own starts at once, where a thread-pool task may wait for a thread longer than the test waits.
    private static Task<nint> RentOnItsOwnThread(GdalDatasetPool pool, long block) => Task.Factory.StartNew(
        () =>
        {
            using var lease = pool.Rent(block);
            return lease.Handle.DangerousGetHandle();
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);
}
