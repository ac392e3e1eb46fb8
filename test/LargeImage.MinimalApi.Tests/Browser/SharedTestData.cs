namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>
/// Real test images kept beside the repository in <c>../shared/testdata</c> (not copied into it); absent on a
/// fresh clone, where the tests that need them skip.
/// </summary>
public static class SharedTestData
{
    /// <summary>The full path of <paramref name="relative"/> under the shared test data, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LargeImage.MinimalApi.sln")))
            {
                var path = Path.Combine(directory.FullName, "..", "shared", "testdata", relative);
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }
}
