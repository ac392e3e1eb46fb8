using System.Security.Cryptography;
using System.Text;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>
/// Local copies of remote objects for readers that need a real file (libvips, OpenSlide). A copy is named by a
/// hash of the reference, made under a per-object lock file that other processes sharing the folder respect,
/// downloaded under a temporary name and renamed into place only when complete, reused while the remote
/// validator is unchanged, and evicted least-recently-used beyond the size bound.
/// </summary>
/// <remarks>
/// Lock files are never deleted: removing one while another process waits on it would let two holders in.
/// Evicting a copy that a reader still has open is harmless on Unix (the data lives until it is closed); on
/// Windows the delete fails and is retried at the next eviction.
/// </remarks>
internal sealed class RemoteCheckout
{
    private const string DataSuffix = ".data";
    private const string VersionSuffix = ".version";
    private const string LockSuffix = ".lock";
    private const string PartialSuffix = ".part";
    private const int StemLength = 64;
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(50);

    private readonly RemoteObjectStore store;
    private readonly long maxBytes;
    private readonly TimeSpan lockTimeout;

    public RemoteCheckout(RemoteObjectStore store, IOptions<LargeImageOptions> options)
    {
        var remote = options.Value.Remote;
        this.store = store;
        maxBytes = remote.CheckoutMaxBytes;
        Folder = Path.GetFullPath(remote.CheckoutFolder ?? Path.Combine(Path.GetTempPath(), "largeimage-checkout"));
        // A download holds the lock for as long as it runs; waiting a few timeouts covers a slow but live one.
        lockTimeout = TimeSpan.FromSeconds(remote.TimeoutSeconds * 4);
    }

    public string Folder { get; }

    /// <summary>The local copy of <paramref name="reference"/> at <paramref name="current"/>'s version, downloading it if needed.</summary>
    public async Task<string> GetLocalPathAsync(RemoteReference reference, RemoteObjectInfo current, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var stem = Path.Combine(Folder, Stem(reference));
        var data = stem + DataSuffix + SafeExtension(reference.FileName);
        using (await LockAsync(stem, cancellationToken))
        {
            if (File.Exists(data) && ReadVersion(stem) == current.Version)
            {
                // The version file's time is the copy's last use, which eviction orders by.
                File.SetLastWriteTimeUtc(stem + VersionSuffix, DateTime.UtcNow);
                return data;
            }

            var partial = $"{stem}.{Guid.NewGuid():N}{PartialSuffix}";
            try
            {
                RemoteObjectInfo downloaded;
                await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    downloaded = await store.DownloadAsync(reference, output, cancellationToken);
                }

                File.Move(partial, data, overwrite: true);
                await File.WriteAllTextAsync(stem + VersionSuffix, downloaded.Version, cancellationToken);
            }
            finally
            {
                File.Delete(partial);
            }
        }

        Evict(keep: data);
        return data;
    }

    /// <summary>Removes least recently used copies not locked by anyone until the folder fits its bound, and stale partial downloads.</summary>
    internal void Evict(string? keep = null)
    {
        var copies = new DirectoryInfo(Folder).EnumerateFiles("*" + DataSuffix + "*")
            .Select(file => (File: file, Stem: StemOf(file.FullName)))
            .Select(c => (c.File, c.Stem, Used: File.GetLastWriteTimeUtc(c.Stem + VersionSuffix)))
            .OrderBy(c => c.Used)
            .ToList();
        var total = copies.Sum(c => c.File.Length);
        foreach (var (file, stem, _) in copies)
        {
            if (total <= maxBytes)
            {
                break;
            }

            if (file.FullName == keep || TryLock(stem) is not { } held)
            {
                continue;
            }

            using (held)
            {
                if (TryDelete(file.FullName))
                {
                    File.Delete(stem + VersionSuffix);
                    total -= file.Length;
                }
            }
        }

        foreach (var partial in Directory.EnumerateFiles(Folder, "*" + PartialSuffix))
        {
            // A partial file whose object is not locked belongs to a download that died with its process.
            using var held = TryLock(StemOf(partial));
            if (held is not null)
            {
                TryDelete(partial);
            }
        }
    }

    private static string Stem(RemoteReference reference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reference.Display)));

    /// <summary>The stem of any file of a copy: the folder and the hash, which has a fixed length.</summary>
    private string StemOf(string path) => Path.Combine(Folder, Path.GetFileName(path)[..StemLength]);

    private static string SafeExtension(string fileName)
    {
        // Readers rank by extension, so the copy keeps it, as long as it is harmless in a file name.
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 10 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : string.Empty;
    }

    private static string? ReadVersion(string stem)
    {
        try
        {
            return File.ReadAllText(stem + VersionSuffix);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task<FileStream> LockAsync(string stem, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + lockTimeout;
        while (true)
        {
            if (TryLock(stem) is { } held)
            {
                return held;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new RemoteUnavailableException("Timed out waiting for another download of the same remote object.");
            }

            await Task.Delay(LockPoll, cancellationToken);
        }
    }

    /// <summary>The object's lock, or null when someone (in this or another process) holds it.</summary>
    private static FileStream? TryLock(string stem)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: both cross-process.
            return new FileStream(stem + LockSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
