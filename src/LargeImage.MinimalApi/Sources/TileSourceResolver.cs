using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources.Remote;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Chooses the reader for a file the way large_image does: every available reader states a priority from the
/// extension and a peek at the header, and the readers are tried best first until one opens the file. A remote
/// file goes as it is to readers that open GDAL VSI paths, and as a local checkout to the others.
/// </summary>
internal sealed class TileSourceResolver(IEnumerable<ITileSourceReader> readers, RemoteFiles? remoteFiles = null)
{
    private const int HeaderLength = 512;

    private readonly ITileSourceReader[] readers = [.. readers];

    public IReadOnlyList<ITileSourceReader> Readers => readers;

    /// <summary>Validates a <c>source</c> parameter; null means "choose".</summary>
    public ITileSourceReader? Find(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return readers.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidParameterException(
                "source", $"Unknown source '{name}'. Valid sources: {string.Join(", ", readers.Select(r => r.Name))}.");
    }

    /// <summary>The readers to try for <paramref name="path"/>, best first.</summary>
    public IReadOnlyList<ITileSourceReader> Candidates(string path, ITileSourceReader? forced, bool wantsProjection)
    {
        if (forced is not null)
        {
            if (!forced.IsAvailable)
            {
                throw new InvalidParameterException("source", $"Source '{forced.Name}' is not available: {forced.Version}");
            }

            return [forced];
        }

        var header = RemoteReferenceParser.Parse(path) is { } remote
            ? RequireRemote().ReadHeader(remote, HeaderLength)
            : ReadHeader(path);
        var ranked = readers
            .Where(r => r.IsAvailable)
            .Select(r => (Reader: r, Priority: r.GetPriority(path, header, wantsProjection)))
            .Where(p => p.Priority is not null)
            .OrderBy(p => p.Priority)
            .Select(p => p.Reader)
            .ToArray();
        if (ranked.Length == 0)
        {
            throw new UnsupportedFileException($"No available reader handles '{Path.GetFileName(path)}'.");
        }

        return ranked;
    }

    /// <summary>Opens with the first candidate that succeeds; every reader's reason is reported when none does.</summary>
    public ITileSource Open(string path, ITileSourceReader? forced, string? projection)
    {
        var reasons = new List<string>();
        var remote = RemoteReferenceParser.Parse(path);
        foreach (var reader in Candidates(path, forced, projection is not null))
        {
            try
            {
                if (remote is null)
                {
                    return reader.Open(path, projection);
                }

                if (reader.ReadsVsiPaths)
                {
                    RequireRemote().PrepareGdal();
                    return reader.Open(path, projection);
                }

                return reader.Open(RequireRemote().Checkout(remote), projection);
            }
            catch (UnsupportedFileException e)
            {
                reasons.Add($"{reader.Name}: {e.Message}");
            }
            catch (NativeLibraryException e)
            {
                reasons.Add($"{reader.Name}: {e.Message}");
            }
        }

        throw new UnsupportedFileException($"'{Path.GetFileName(path)}' cannot be read. {string.Join(" ", reasons)}");
    }

    private RemoteFiles RequireRemote() =>
        remoteFiles ?? throw new InvalidOperationException("Remote files need the services registered by AddLargeImage.");

    private static byte[] ReadHeader(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
        var buffer = new byte[HeaderLength];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
