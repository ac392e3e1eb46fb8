using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LargeImage.MinimalApi.Diagnostics;

/// <summary>
/// Collects a request's render phases for the <c>Server-Timing</c> header. Ambient (async-local) rather than passed
/// around, because phases are measured deep inside render callbacks that run inside the cache's factory.
/// </summary>
internal sealed class ServerTiming
{
    private static readonly AsyncLocal<ServerTiming?> Ambient = new();

    private readonly Lock sync = new();
    private readonly List<(string Name, double Milliseconds)> phases = [];
    private string? cache;

    /// <summary>Starts collecting for the current request and whatever it awaits.</summary>
    public static ServerTiming Begin() => Ambient.Value = new ServerTiming();

    /// <summary>Times a phase until disposed; free when no request is collecting.</summary>
    public static Phase Measure(string name) => new(Ambient.Value, name);

    /// <summary>Records which cache level answered.</summary>
    public static void RecordCache(CacheLevel level)
    {
        if (Ambient.Value is { } timing)
        {
            timing.cache = level.Name;
        }
    }

    /// <summary>The header value, e.g. <c>open;dur=1.2, read;dur=3.4, cache;desc="miss"</c>.</summary>
    public override string ToString()
    {
        var header = new StringBuilder();
        lock (sync)
        {
            foreach (var (name, milliseconds) in phases)
            {
                header.Append(header.Length == 0 ? "" : ", ").Append(name).Append(";dur=")
                    .Append(milliseconds.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }

        if (cache is not null)
        {
            header.Append(header.Length == 0 ? "" : ", ").Append("cache;desc=\"").Append(cache).Append('"');
        }

        return header.ToString();
    }

    private void Add(string name, double milliseconds)
    {
        lock (sync)
        {
            phases.Add((name, milliseconds));
        }
    }

    /// <summary>A running phase.</summary>
    public readonly struct Phase(ServerTiming? timing, string name) : IDisposable
    {
        private readonly long start = timing is null ? 0 : Stopwatch.GetTimestamp();

        public void Dispose() => timing?.Add(name, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
