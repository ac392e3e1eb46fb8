namespace LargeImage.MinimalApi.Tests;

/// <summary>
/// The shared real-image corpus at <c>../shared/testdata</c> (relative to the repository root). It is not part of
/// the repository, so tests that need it skip with a reason when it is absent.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<string?> RepositoryRoot = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding <c>LargeImage.MinimalApi.sln</c>), or null when not found.</summary>
    public static string? RepoRoot => RepositoryRoot.Value;

    /// <summary>The corpus folder, or null when it is absent.</summary>
    public static string? Root =>
        RepoRoot is { } repo && Directory.Exists(System.IO.Path.Combine(repo, "..", "shared", "testdata"))
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(repo, "..", "shared", "testdata"))
            : null;

    /// <summary>Full path of a corpus file (e.g. <c>rasterio/byte.tif</c>); skips the test when it is missing.</summary>
    public static string Path(string relative)
    {
        SkipIfMissing(relative);
        return System.IO.Path.Combine(Root!, relative);
    }

    /// <summary>Skips the test when the corpus (or one of its files) is absent.</summary>
    public static void SkipIfMissing(string? relative = null)
    {
        Skip.If(Root is null, "../shared/testdata is absent (real-image corpus next to the repository); see its MANIFEST.md.");
        Skip.If(
            relative is not null && !File.Exists(System.IO.Path.Combine(Root!, relative)),
            $"../shared/testdata/{relative} is absent.");
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LargeImage.MinimalApi.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
