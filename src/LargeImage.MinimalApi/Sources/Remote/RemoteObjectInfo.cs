namespace LargeImage.MinimalApi.Sources.Remote;

/// <summary>What a HEAD tells about a remote object: enough to notice that it changed.</summary>
/// <param name="ETag">The entity tag without quotes, or null when the server sends none.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="LastModified">Modification time, used when there is no ETag.</param>
internal sealed record RemoteObjectInfo(string? ETag, long Length, DateTimeOffset? LastModified)
{
    /// <summary>The version string of <see cref="ResolvedFile"/>: changes whenever the content may have.</summary>
    public string Version => ETag is not null
        ? $"{ETag}-{Length:x}"
        : $"{Length:x}-{LastModified?.UtcTicks ?? 0:x}";
}
