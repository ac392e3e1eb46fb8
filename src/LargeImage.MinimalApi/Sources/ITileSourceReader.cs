namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// One imaging engine (GDAL, libvips, OpenSlide). The resolver asks every available reader for its priority on a
/// file and opens with the best first, as large_image does.
/// </summary>
internal interface ITileSourceReader
{
    /// <summary>The name used by <c>?source=</c> and in cache keys.</summary>
    string Name { get; }

    /// <summary>Whether the native library loaded.</summary>
    bool IsAvailable { get; }

    /// <summary>The native library's version, or the reason it is unavailable.</summary>
    string Version { get; }

    /// <summary>
    /// Whether <see cref="Open"/> takes GDAL VSI paths (<c>/vsis3/…</c>, <c>/vsicurl/…</c>) and reads them remotely;
    /// readers that cannot are given a local checkout of the remote file instead.
    /// </summary>
    bool ReadsVsiPaths => false;

    /// <summary>
    /// Whether its sources may send a JPEG tile as the file stores it (<see cref="ITileSource.ReadStoredJpegTile"/>), so
    /// a tile asked for without a quality must not share a cache entry with one encoded at the default quality.
    /// </summary>
    bool SendsStoredJpegTiles => false;

    /// <summary>
    /// Lower is preferred; null means "do not try unless forced". Decided from the extension and a peek at the
    /// header, never by opening the file in full.
    /// </summary>
    int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection);

    /// <summary>
    /// Opens a file in its native grid (<paramref name="projection"/> null) or a projected grid. What a reader learns
    /// opening it may be remembered under <paramref name="version"/>, the version the request read
    /// (<see cref="FileVersion"/> or a remote object's validator), so a reopen of the same version skips that work;
    /// nothing is remembered without one.
    /// </summary>
    /// <exception cref="Errors.UnsupportedFileException">The reader cannot read this file.</exception>
    /// <exception cref="Errors.InvalidParameterException">The projection is unknown or not applicable.</exception>
    ITileSource Open(string path, string? projection, string? version = null);
}
