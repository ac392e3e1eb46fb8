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
internal sealed class FileReferenceResolver
{
    private readonly string[] roots;

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

        var path = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(MediaRoot, reference));
        path = FinalTarget(path);
        if (!roots.Any(root => IsInside(path, root)))
        {
            throw new FileAccessDeniedException("The file lies outside the allowed folders.");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImageNotFoundException("The file does not exist.");
        }

        return new ResolvedFile(path, $"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}");
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
