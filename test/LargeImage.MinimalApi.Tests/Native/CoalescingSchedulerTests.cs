using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class CoalescingSchedulerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Requests_within_the_interval_make_one_more_run_when_it_ends()
    {
        var runs = new List<DateTime>();
        var scheduler = new CoalescingScheduler(Interval, () =>
        {
            lock (runs)
            {
                runs.Add(DateTime.UtcNow);
            }
        });

        scheduler.Request();
        await WaitForAsync(() => runs.Count == 1);
        for (var i = 0; i < 5; i++)
        {
            scheduler.Request();
        }

        await WaitForAsync(() => runs.Count == 2);
        await Task.Delay(Interval * 2);
        lock (runs)
        {
            Assert.Equal(2, runs.Count);
            Assert.True(runs[1] - runs[0] >= Interval - TimeSpan.FromMilliseconds(20), $"runs {(runs[1] - runs[0]).TotalMilliseconds} ms apart");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler did not run in time");
            await Task.Delay(10);
        }
    }
}
