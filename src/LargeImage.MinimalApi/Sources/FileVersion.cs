namespace LargeImage.MinimalApi.Sources;

/// <summary>What tells one content of a file from the next, short of reading it.</summary>
internal readonly record struct FileVersion(long Length, DateTime Written)
{
    /// <summary>The file's version; null when it cannot be read, which opening it then reports.</summary>
    public static FileVersion? Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileVersion(file.Length, file.LastWriteTimeUtc) : null;
    }
}
