namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// Identity of one opened reader: the file as it is now (size and modification time, so a replaced file is
/// reopened), the reader asked for, and the grid it is opened in.
/// </summary>
/// <param name="Path">Resolved path or GDAL VSI path.</param>
/// <param name="Version">Size and modification time of a local file, or a remote object's validator.</param>
/// <param name="Reader">The forced reader's name, or null when the resolver chooses.</param>
/// <param name="Projection">Normalised projection, or null for the native grid.</param>
internal sealed record SourceKey(string Path, string Version, string? Reader, string? Projection);
