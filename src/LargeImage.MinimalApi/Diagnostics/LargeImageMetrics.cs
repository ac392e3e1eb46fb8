using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LargeImage.MinimalApi.Diagnostics;

/// <summary>
/// The package's instruments. Created through <see cref="IMeterFactory"/> so that each host (and each test host)
/// has its own meter instance and listeners can tell them apart.
/// </summary>
internal sealed class LargeImageMetrics
{
    private readonly Meter meter;
    private readonly Counter<long> renders;
    private readonly Histogram<double> renderDuration;
    private readonly Counter<long> lookups;

    public LargeImageMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(LargeImageMeter.Name);
        renders = meter.CreateCounter<long>("largeimage.renders", "{render}", "Responses rendered (cache misses that ran a render).");
        renderDuration = meter.CreateHistogram<double>(
            "largeimage.render.duration", "s", "Time to render one response: open, read, style and encode.");
        lookups = meter.CreateCounter<long>(
            "largeimage.cache.lookups", "{lookup}", "Rendered-bytes cache lookups by the level that answered: memory, distributed or miss.");
    }

    public void Rendered(string operation, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("operation", operation);
        renders.Add(1, tag);
        renderDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
    }

    public void LookedUp(CacheLevel level) => lookups.Add(1, new KeyValuePair<string, object?>("level", level.Name));

    /// <summary>Publishes the open-reader count; called once by the reader cache that owns it.</summary>
    public void ObserveOpenReaders(Func<int> count) =>
        meter.CreateObservableGauge("largeimage.readers.open", count, "{reader}", "Readers currently open, including evicted ones still in use.");
}
