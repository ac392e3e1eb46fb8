using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// The canonical identity of one rendered response: which file (and its version), which reader and grid, which
/// frame, what was asked (operation and its normalised arguments), the normalised style and the output encoding.
/// Built only from parsed values, never from the raw query string, so equivalent requests share one entry.
/// </summary>
/// <param name="File">The resolved file and its version.</param>
/// <param name="Reader">The reader that serves it.</param>
/// <param name="Projection">The grid's projection, or null for the native grid.</param>
/// <param name="Frame">0-based frame.</param>
/// <param name="Operation">What is rendered, with its normalised arguments, e.g. <c>tile/3/2/5</c>.</param>
/// <param name="Style">The normalised style, or empty for the default rendering.</param>
/// <param name="Format">Output format name, e.g. <c>png</c> or <c>json</c>.</param>
/// <param name="Quality">Encoder quality where it applies, else 0.</param>
internal sealed record RenderKey(
    ResolvedFile File,
    string Reader,
    string? Projection,
    int Frame,
    string Operation,
    string Style,
    string Format,
    int Quality)
{
    /// <summary>One string that is equal exactly when two keys are.</summary>
    public string Canonical => string.Join(
        '\n',
        File.Path,
        File.Version,
        Reader,
        Projection ?? string.Empty,
        Frame.ToString(CultureInfo.InvariantCulture),
        Operation,
        Style,
        Format,
        Quality.ToString(CultureInfo.InvariantCulture));

    /// <summary>A strong HTTP entity tag derived from <see cref="Canonical"/>.</summary>
    public string ETag => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)).AsSpan(0, 16))}\"";

    public override string ToString() => Canonical;
}
