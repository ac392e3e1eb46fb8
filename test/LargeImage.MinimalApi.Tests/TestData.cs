namespace LargeImage.MinimalApi.Tests;

/// <summary>
/// Finds the shared real test images (<c>../shared/testdata</c> next to the repository root). They are not in the
/// repository, so tests that need them skip with a clear reason when a clone lacks them.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The full path of a test image, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        if (Root.Value is null)
        {
            return null;
        }

        var path = Path.Combine(Root.Value, relative);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The full path of a test image; skips the calling test when it is absent.</summary>
    public static string Require(string relative)
    {
        var path = Find(relative);
        Skip.If(path is null, $"Test image '{relative}' not found under ../shared/testdata relative to the repository root.");
        return path!;
    }

    private static string? FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LargeImage.MinimalApi.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "testdata"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
