using System.Globalization;
using System.IO.Hashing;
using System.Text;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// The canonical identity of one rendered response: which file (and its version), which reader and grid, which
/// frame, what was asked (operation and its normalised arguments), the normalised style and the output encoding.
/// Built only from parsed values, never from the raw query string, so equivalent requests share one entry.
/// </summary>
/// <param name="file">The resolved file and its version.</param>
/// <param name="reader">
/// The forced reader, or <see cref="ImageRequest.AutomaticReader"/> when the resolver chooses: its choice follows from
/// the file, which the key already names, so a key can be made (and a 304 answered) before anything is opened.
/// </param>
/// <param name="projection">The grid's projection, or null for the native grid.</param>
/// <param name="frame">0-based frame.</param>
/// <param name="operation">What is rendered, with its normalised arguments, e.g. <c>tile/3/2/5</c>.</param>
/// <param name="style">The normalised style, or empty for the default rendering.</param>
/// <param name="format">Output format name, e.g. <c>png</c> or <c>json</c>.</param>
/// <param name="quality">Encoder quality where it applies, else 0.</param>
internal sealed class RenderKey(
    ResolvedFile file,
    string reader,
    string? projection,
    int frame,
    string operation,
    string style,
    string format,
    int quality)
{
    /// <summary>
    /// Changed when the same key comes to mean other output (version 2: the OpenSlide and libvips readers' grids follow a
    /// file's own tile size), so that entries in a shared cache and ETags held by browsers from an older build are never
    /// taken for the new ones.
    /// </summary>
    private const string Generation = "2";

    /// <summary>The key of a response to <paramref name="request"/>.</summary>
    public static RenderKey For(ImageRequest request, string operation, string style = "", string format = "json", int quality = 0) =>
        new(request.File, request.ReaderName, request.Projection, request.Frame, operation, style, format, quality);

    /// <summary>The operation's first segment (<c>tile</c>, <c>info</c>, …): a low-cardinality metric tag.</summary>
    public string Kind => operation.IndexOf('/') is var slash and >= 0 ? operation[..slash] : operation;

    /// <summary>
    /// One string that is equal exactly when two keys are. Made once: a cached tile's request needs it for its ETag and
    /// again for the cache lookup.
    /// </summary>
    public string Canonical { get; } = string.Join(
        '\n',
        Generation,
        file.Path,
        file.Version,
        reader,
        projection ?? string.Empty,
        frame.ToString(CultureInfo.InvariantCulture),
        operation,
        style,
        format,
        quality.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A strong HTTP entity tag derived from <see cref="Canonical"/>. A 128-bit non-cryptographic hash is enough: the
    /// tag only has to change when the key does, and it is computed on every request, cached or not.
    /// </summary>
    public string ETag => $"\"{Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(Canonical)))}\"";

    public override string ToString() => Canonical;
}
