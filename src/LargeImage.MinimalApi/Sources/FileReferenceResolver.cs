using System.Collections.Concurrent;
using System.Diagnostics;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources.Remote;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Turns what a host's file selector returns into a path that is safe to open: relative references resolve
/// against the media root, absolute ones must lie inside an allowed root after resolving <c>..</c> and symlinks,
/// remote ones (S3, HTTP(S)) must name an allowed bucket or host and become GDAL VSI paths.
/// Anything else is refused before it is touched.
/// </summary>
/// <remarks>
/// Every request needs the file's current version (one stat), but walking its path for symlinks costs far more than
/// serving a cached tile, so the checked real path of a local reference is remembered for a few seconds. That is
/// safe: what is remembered passed the root check, so a link re-pointed meanwhile can at worst keep serving the old,
/// allowed, target until the entry expires.
/// </remarks>
internal sealed class FileReferenceResolver
{
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (string Path, long CheckedAt)> checkedPaths = new(StringComparer.Ordinal);
    private readonly string[] roots;
    private readonly RemoteAllowList allowList;
    private readonly RemoteVersionCache versions;

    public FileReferenceResolver(
        IOptions<LargeImageOptions> options,
        IHostEnvironment environment,
        RemoteAllowList allowList,
        RemoteVersionCache versions)
    {
        this.allowList = allowList;
        this.versions = versions;
        var value = options.Value;
        MediaRoot = Path.GetFullPath(value.MediaRoot, environment.ContentRootPath);
        roots = [RealPath(MediaRoot), .. value.AllowedRoots.Select(r => RealPath(Path.GetFullPath(r, environment.ContentRootPath)))];
    }

    public string MediaRoot { get; }

    public async ValueTask<ResolvedFile> ResolveAsync(string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new ImageNotFoundException("The record has no file.");
        }

        if (RemoteReferenceParser.Parse(reference) is { } remote)
        {
            allowList.Demand(remote);
            return new ResolvedFile(remote.GdalPath, (await versions.GetAsync(remote, cancellationToken)).Version);
        }

        var path = CheckedPath(reference);
        return new ResolvedFile(path, FileVersion.Of(path) ?? throw new ImageNotFoundException("The file does not exist."));
    }

    private string CheckedPath(string reference)
    {
        if (checkedPaths.TryGetValue(reference, out var known) && Stopwatch.GetElapsedTime(known.CheckedAt) < RememberFor)
        {
            return known.Path;
        }

        var path = RealPath(Path.IsPathRooted(reference) ? reference : Path.Combine(MediaRoot, reference));
        if (!roots.Any(root => IsInside(path, root)))
        {
            throw new FileAccessDeniedException("The file lies outside the allowed folders.");
        }

        if (checkedPaths.Count >= MaxRemembered)
        {
            checkedPaths.Clear();
        }

        checkedPaths[reference] = (path, Stopwatch.GetTimestamp());
        return path;
    }

    /// <summary>
    /// The path with every symlink and <c>..</c> resolved the way the OS will when opening it (realpath), so the
    /// check sees the file that will be read. <c>..</c> is applied after the links before it, never lexically:
    /// <c>link/../x</c> is the sibling of the link's target, not of the link.
    /// </summary>
    private static string RealPath(string path)
    {
        const int MaxLinks = 40;
        var pending = new Stack<string>(Parts(path).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path))!;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new FileAccessDeniedException("The file reference has too many levels of symbolic links.");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }

            foreach (var targetPart in Parts(target).Reverse())
            {
                pending.Push(targetPart);
            }
        }

        return current;
    }

    private static string[] Parts(string path) =>
        path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
