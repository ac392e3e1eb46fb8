using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources.Remote;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Chooses the reader for a file the way large_image does: every available reader states a priority from the
/// extension and a peek at the header, and the readers are tried best first until one opens the file. A remote
/// file goes as it is to readers that open GDAL VSI paths, and as a local checkout to the others.
/// </summary>
internal sealed class TileSourceResolver(
    IEnumerable<ITileSourceReader> readers, RemoteFiles? remoteFiles = null, int rememberedFiles = LargeImageDefaults.RememberedFiles)
{
    private const int HeaderLength = 512;

    private readonly ITileSourceReader[] readers = [.. readers];

    /// <summary>
    /// Rankings by file, version, reader asked for and projection. A file is opened again whenever the open-reader
    /// cache let it go, and ranking has every reader look at the file: OpenSlide opens it to tell its vendor.
    /// </summary>
    private readonly FileFactsCache<List<ITileSourceReader>> rankings = new(rememberedFiles);

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

    /// <summary>
    /// The readers to try for a local <paramref name="path"/>, best first; remembered under <paramref name="version"/>
    /// when there is one.
    /// </summary>
    public IReadOnlyList<ITileSourceReader> Candidates(string path, string? version, ITileSourceReader? forced, bool wantsProjection)
    {
        var key = $"{path}\n{forced?.Name}\n{wantsProjection}";
        if (rankings.Find(key, version) is not { } ranked)
        {
            ranked = Rank(path, ReadHeader(path), forced, readers, wantsProjection);
            rankings.Add(key, version, ranked);
        }

        return ranked.Count > 0 ? ranked : throw new UnsupportedFileException($"No available reader handles '{Path.GetFileName(path)}'.");
    }

    /// <summary>
    /// Opens with the first candidate that succeeds; every reader's reason is reported when none does. A local file
    /// opens synchronously; only a remote one awaits its header peek and checkout. <paramref name="version"/> is the
    /// file's as the request read it, under which the readers remember what they learn.
    /// </summary>
    public async Task<ITileSource> OpenAsync(
        string path, string? version, ITileSourceReader? forced, string? projection, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (RemoteReferenceParser.Parse(path) is not { } remote)
        {
            return OpenFirst(path, version, Candidates(path, version, forced, projection is not null), projection, reasons)
                ?? throw Unreadable(path, reasons);
        }

        // Readers that read VSI paths are asked first, so a remote file is downloaded only when none of them reads
        // it; the others can only rank (some open the file to do so) and read a local copy.
        var remoteFiles = RequireRemote();
        var header = await remoteFiles.ReadHeaderAsync(remote, HeaderLength, cancellationToken);
        var direct = Rank(path, header, forced, readers.Where(r => r.ReadsVsiPaths), projection is not null);
        if (direct.Count > 0)
        {
            remoteFiles.PrepareGdal();
            if (OpenFirst(path, version, direct, projection, reasons) is { } opened)
            {
                return opened;
            }
        }

        if (forced is { ReadsVsiPaths: true } || !readers.Any(r => r.IsAvailable && !r.ReadsVsiPaths))
        {
            throw Unreadable(path, reasons);
        }

        var local = await remoteFiles.CheckoutAsync(remote, cancellationToken);
        var viaCopy = Rank(local, ReadHeader(local), forced, readers.Where(r => !r.ReadsVsiPaths), projection is not null);
        return OpenFirst(local, version, viaCopy, projection, reasons) ?? throw Unreadable(path, reasons);
    }

    private static List<ITileSourceReader> Rank(
        string path, byte[] header, ITileSourceReader? forced, IEnumerable<ITileSourceReader> pool, bool wantsProjection)
    {
        if (forced is not null)
        {
            if (!forced.IsAvailable)
            {
                throw new InvalidParameterException("source", $"Source '{forced.Name}' is not available: {forced.Version}");
            }

            return pool.Contains(forced) ? [forced] : [];
        }

        return pool
            .Where(r => r.IsAvailable)
            .Select(r => (Reader: r, Priority: r.GetPriority(path, header, wantsProjection)))
            .Where(p => p.Priority is not null)
            .OrderBy(p => p.Priority)
            .Select(p => p.Reader)
            .ToList();
    }

    private static ITileSource? OpenFirst(
        string path, string? version, IEnumerable<ITileSourceReader> candidates, string? projection, List<string> reasons)
    {
        foreach (var reader in candidates)
        {
            try
            {
                return reader.Open(path, projection, version);
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

        return null;
    }

    private static UnsupportedFileException Unreadable(string path, List<string> reasons) =>
        new(reasons.Count == 0
            ? $"No available reader handles '{Path.GetFileName(path)}'."
            : $"'{Path.GetFileName(path)}' cannot be read. {string.Join(" ", reasons)}");

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
