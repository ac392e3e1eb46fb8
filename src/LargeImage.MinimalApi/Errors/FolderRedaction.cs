using System.Text.RegularExpressions;

namespace LargeImage.MinimalApi.Errors;

/// <summary>
/// Keeps the server's folders out of problem details. Native libraries name a file by its full path in their errors
/// (GDAL's "…/media/a.tif, band 1: IReadBlock failed", libtiff's and OpenSlide's read errors), and those errors reach
/// the client as the reason a file could not be read. Every run of folders that begins a path is dropped, leaving the
/// file name; URLs (after <c>//</c>) and relative references are left as they are.
/// </summary>
internal static partial class FolderRedaction
{
    public static string Apply(string text) => Folders().Replace(text, string.Empty);

    /// <summary>A slash at the start or after a space, quote, bracket, <c>=</c>, <c>:</c> or comma, then folders.</summary>
    [GeneratedRegex("""(?<![^\s"'(\[=:,])/(?:[^/\s"']+/)+""")]
    private static partial Regex Folders();
}
