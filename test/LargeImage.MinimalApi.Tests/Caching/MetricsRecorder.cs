using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LargeImage.MinimalApi.Diagnostics;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>
/// Listens to the large-image meter of one host only (its <see cref="IMeterFactory"/>), so tests running in parallel
/// in other hosts do not disturb the counts.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public MetricsRecorder(IMeterFactory scope)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LargeImageMeter.Name && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                totals.AddOrUpdate($"{instrument.Name}[{tag.Value}]", value, (_, sum) => sum + value);
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => totals[instrument.Name] = value);
        listener.Start();
    }

    public long Renders => Total("largeimage.renders");

    public long Lookups(string level) => Total($"largeimage.cache.lookups[{level}]");

    public long OpenReaders
    {
        get
        {
            listener.RecordObservableInstruments();
            return Total("largeimage.readers.open");
        }
    }

    public long Total(string name) => totals.GetValueOrDefault(name);

    public void Dispose() => listener.Dispose();
}
