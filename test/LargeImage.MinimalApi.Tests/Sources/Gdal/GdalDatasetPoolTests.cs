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
            var third = Task.Run(() =>
            {
                using var lease = pool.Rent();
                return lease.Handle.DangerousGetHandle();
            });
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
}
