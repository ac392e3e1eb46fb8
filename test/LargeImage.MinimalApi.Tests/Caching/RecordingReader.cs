using System.Collections.Concurrent;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>Opens <see cref="RecordingTileSource"/>s and keeps every one it opened, for the reader cache's tests.</summary>
internal sealed class RecordingReader : ITileSourceReader
{
    private int opens;
    private int rankings;

    public ConcurrentQueue<RecordingTileSource> Opened { get; } = new();

    public int Opens => Volatile.Read(ref opens);

    /// <summary>Paths whose open fails, as an unreadable file's would.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    /// <summary>How long an open takes.</summary>
    public TimeSpan OpenDelay { get; set; }

    public string Name => "recording";

    public bool IsAvailable => true;

    public string Version => "1";

    /// <summary>How many times a file was ranked.</summary>
    public int Rankings => Volatile.Read(ref rankings);

    public int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection)
    {
        Interlocked.Increment(ref rankings);
        return 0;
    }

    public ITileSource Open(string path, string? projection, string? version = null)
    {
        Interlocked.Increment(ref opens);
        Thread.Sleep(OpenDelay);
        if (Failing.ContainsKey(path))
        {
            throw new UnsupportedFileException($"{path} is unreadable.");
        }

        var source = new RecordingTileSource(path, version);
        Opened.Enqueue(source);
        return source;
    }
}
