namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// A request's image, checked and resolved but not opened: enough to name its responses (and answer a conditional
/// request) without touching a reader.
/// </summary>
/// <param name="File">The resolved file and its version.</param>
/// <param name="ForcedReader">The reader asked for with <c>?source=</c>, or null to let the resolver choose.</param>
/// <param name="Projection">Normalised projection, or null for the native grid.</param>
/// <param name="Frame">0-based frame, not yet checked against the image's frame count.</param>
internal sealed record ImageRequest(ResolvedFile File, ITileSourceReader? ForcedReader, string? Projection, int Frame)
{
    /// <summary>The reader name used in keys when none is forced.</summary>
    public const string AutomaticReader = "auto";

    public string ReaderName => ForcedReader?.Name ?? AutomaticReader;
}
