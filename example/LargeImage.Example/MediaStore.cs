using LargeImage.MinimalApi.Options;
using Microsoft.Extensions.Options;

namespace LargeImage.Example;

/// <summary>Stores uploads under the media root with generated names, keeping only a safe extension.</summary>
public sealed class MediaStore(IOptions<LargeImageOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(options.Value.MediaRoot, environment.ContentRootPath);

    public async Task<string> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension.Length > 10 || !extension.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            extension = string.Empty;
        }

        var relative = $"{Guid.NewGuid():N}{extension}";
        var path = Path.Combine(Root, relative);
        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await file.CopyToAsync(stream, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return relative;
    }

    public void Delete(string relative)
    {
        var path = Path.GetFullPath(relative, Root);
        if (path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            File.Delete(path);
        }
    }
}
