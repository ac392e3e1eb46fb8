namespace LargeImage.MinimalApi.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on disposal.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "li-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleaner will get it.
        }
    }
}
