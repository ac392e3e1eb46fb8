using System.Collections.Concurrent;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// Layouts of files opened before, by path and version (length and modification time): a reader evicted from the
/// reader cache and opened again for an unchanged file skips libvips' page loads and the decodability probe, which
/// were most of an open. Bounded in count, and a layout whose metadata outweighs <see cref="MaxLayoutChars"/> (an
/// OME-XML of a big plate runs to megabytes) is not kept; when full, an arbitrary entry makes way.
/// </summary>
/// <param name="capacity">Files remembered.</param>
internal sealed class VipsLayoutCache(int capacity)
{
    /// <summary>The most metadata, in JSON characters, a remembered layout holds: 256 of them stay under 128 MiB.</summary>
    public const int MaxLayoutChars = 256 * 1024;

    private readonly ConcurrentDictionary<string, (FileVersion Version, VipsLayout Layout)> layouts = new(StringComparer.Ordinal);

    /// <summary>The layout remembered for this version of the file, or null.</summary>
    public VipsLayout? Find(string path, FileVersion version) =>
        layouts.TryGetValue(path, out var entry) && entry.Version == version ? entry.Layout : null;

    public void Add(string path, FileVersion version, VipsLayout layout)
    {
        if (layout.Internal.ToJsonString().Length > MaxLayoutChars)
        {
            return;
        }

        if (layouts.Count >= capacity && !layouts.ContainsKey(path) && layouts.Keys.FirstOrDefault() is { } evicted)
        {
            layouts.TryRemove(evicted, out _);
        }

        layouts[path] = (version, layout);
    }

    /// <summary>What tells one content of a file from the next, short of reading it.</summary>
    internal readonly record struct FileVersion(long Length, DateTime Written)
    {
        /// <summary>The file's version; null when it cannot be read, which opening it then reports.</summary>
        public static FileVersion? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileVersion(file.Length, file.LastWriteTimeUtc) : null;
        }
    }
}
