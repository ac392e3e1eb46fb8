using System.Collections.Concurrent;
using System.Diagnostics;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Turns what a host's file selector returns into a path that is safe to open: relative references resolve
/// against the media root, absolute ones must lie inside an allowed root after resolving <c>..</c> and symlinks.
/// Anything else is refused before it is touched.
/// </summary>
/// <remarks>
/// Every request needs the file's current version (one stat), but walking its path for symlinks costs far more than
/// serving a cached tile, so the checked final target of a reference is remembered for a few seconds. That is safe:
/// what is remembered is a target that passed the root check, so a link re-pointed meanwhile can at worst keep
/// serving the old, allowed, target until the entry expires.
/// </remarks>
internal sealed class FileReferenceResolver
{
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(5);

    private readonly string[] roots;
    private readonly ConcurrentDictionary<string, (string Path, long CheckedAt)> checkedTargets = new(StringComparer.Ordinal);

    public FileReferenceResolver(IOptions<LargeImageOptions> options, IHostEnvironment environment)
    {
        var value = options.Value;
        MediaRoot = Path.GetFullPath(value.MediaRoot, environment.ContentRootPath);
        roots = [MediaRoot, .. value.AllowedRoots.Select(r => Path.GetFullPath(r, environment.ContentRootPath))];
    }

    public string MediaRoot { get; }

    public ResolvedFile Resolve(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new ImageNotFoundException("The record has no file.");
        }

        if (reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith("/vsi", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileAccessDeniedException("Remote and virtual file references are not allowed.");
        }

        var path = CheckedTarget(reference);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImageNotFoundException("The file does not exist.");
        }

        return new ResolvedFile(path, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
    }

    private string CheckedTarget(string reference)
    {
        if (checkedTargets.TryGetValue(reference, out var known) && Stopwatch.GetElapsedTime(known.CheckedAt) < RememberFor)
        {
            return known.Path;
        }

        var path = FinalTarget(Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(MediaRoot, reference)));
        if (!roots.Any(root => IsInside(path, root)))
        {
            throw new FileAccessDeniedException("The file lies outside the allowed folders.");
        }

        if (checkedTargets.Count >= MaxRemembered)
        {
            checkedTargets.Clear();
        }

        checkedTargets[reference] = (path, Stopwatch.GetTimestamp());
        return path;
    }

    private static string FinalTarget(string path)
    {
        // Resolve every symlink along the path, not only the last one, so a linked folder cannot lead outside.
        var current = Path.GetPathRoot(path)!;
        foreach (var part in path[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                current = target is null ? current : Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }

    private static bool IsInside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
