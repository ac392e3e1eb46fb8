using System.Diagnostics;

namespace LargeImage.MinimalApi.Native;

/// <summary>
/// Runs an action on the thread pool when asked, at most once per interval. A request within the interval of the last
/// run is not dropped: it makes one more run when the interval ends, however many requests come meanwhile, so the
/// last request is always followed by a run.
/// </summary>
/// <param name="interval">The least time between two runs.</param>
/// <param name="action">What runs; it must not throw.</param>
internal sealed class CoalescingScheduler(TimeSpan interval, Action action)
{
    private readonly Lock sync = new();
    private long lastRun;
    private bool pending;

    public void Request()
    {
        TimeSpan wait;
        lock (sync)
        {
            if (pending)
            {
                return;
            }

            pending = true;
            wait = lastRun == 0 ? TimeSpan.Zero : interval - Stopwatch.GetElapsedTime(lastRun);
        }

        if (wait <= TimeSpan.Zero)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static scheduler => scheduler.Run(), this, preferLocal: false);
        }
        else
        {
            _ = Task.Delay(wait).ContinueWith(
                static (_, scheduler) => ((CoalescingScheduler)scheduler!).Run(), this, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void Run()
    {
        lock (sync)
        {
            pending = false;
            lastRun = Stopwatch.GetTimestamp();
        }

        action();
    }
}
