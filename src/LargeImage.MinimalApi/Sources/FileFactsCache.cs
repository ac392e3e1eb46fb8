using System.Collections.Concurrent;
using LargeImage.MinimalApi.Options;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// What a reader learnt opening a file, by path and version (<see cref="FileVersion"/>, or a remote object's
/// validator): a reader evicted from the reader cache and opened again for an unchanged file skips the work of its
/// first open. Bounded in count; when full, an arbitrary entry makes way.
/// </summary>
/// <param name="capacity">Files remembered (<see cref="LargeImageOptions.RememberedFiles"/>).</param>
internal sealed class FileFactsCache<T>(int capacity)
    where T : class
{
    private readonly ConcurrentDictionary<string, (string Version, T Facts)> entries = new(StringComparer.Ordinal);

    /// <summary>The facts remembered for this version of the file, or null; always null for an unknown version.</summary>
    public T? Find(string path, string? version) =>
        version is { } known && entries.TryGetValue(path, out var entry) && entry.Version == known ? entry.Facts : null;

    /// <summary>Remembers <paramref name="facts"/> for this version of the file; nothing when the version is unknown.</summary>
    public void Add(string path, string? version, T facts)
    {
        if (version is not { } known)
        {
            return;
        }

        if (entries.Count >= capacity && !entries.ContainsKey(path) && entries.Keys.FirstOrDefault() is { } evicted)
        {
            entries.TryRemove(evicted, out _);
        }

        entries[path] = (known, facts);
    }
}
