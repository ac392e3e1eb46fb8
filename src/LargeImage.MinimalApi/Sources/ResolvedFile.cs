namespace LargeImage.MinimalApi.Sources;

/// <summary>A file reference that passed the access checks.</summary>
/// <param name="Path">A local absolute path or a GDAL VSI path.</param>
/// <param name="Version">Changes whenever the content may have changed (size and modification time).</param>
internal sealed record ResolvedFile(string Path, string Version)
{
    /// <summary>Whether GDAL reads it over the network (a VSI path), so read failures may be the server's.</summary>
    public bool IsRemote => Path.StartsWith("/vsi", StringComparison.Ordinal);
}
