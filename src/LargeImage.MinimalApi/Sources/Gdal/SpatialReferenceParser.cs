using System.Globalization;
using System.Text.RegularExpressions;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// Turns a CRS given by a client (the <c>projection</c> parameter, CRS <c>units</c>) into a GDAL SRS. Only
/// <c>EPSG:n</c> (also <c>epsg:n</c>, <c>+init=epsg:n</c>, <c>proj4:</c>-prefixed) and <c>+proj=</c> strings
/// reach GDAL, because its generic parser would also open files and URLs named in the text.
/// </summary>
internal static partial class SpatialReferenceParser
{
    /// <summary>The canonical name of a CRS text (<c>EPSG:n</c>, else the PROJ string), without asking GDAL.</summary>
    public static string Canonical(string text)
    {
        var trimmed = StripProj4Prefix(text);
        var epsg = EpsgPattern().Match(trimmed);
        return epsg.Success ? $"EPSG:{int.Parse(epsg.Groups[1].Value, CultureInfo.InvariantCulture)}" : trimmed;
    }

    /// <summary>Parses a client's CRS text; the caller owns the returned SRS.</summary>
    /// <param name="text">The client's text.</param>
    /// <param name="parameter">The query parameter named in the 400 problem when the text is not a known CRS.</param>
    /// <exception cref="InvalidParameterException">Unknown or malformed CRS.</exception>
    public static (OgrSpatialReferenceHandle Srs, string Name) Parse(string text, string parameter)
    {
        var trimmed = StripProj4Prefix(text);
        var epsg = EpsgPattern().Match(trimmed);
        try
        {
            if (epsg.Success && int.TryParse(epsg.Groups[1].Value, CultureInfo.InvariantCulture, out var code))
            {
                return (Interop.Gdal.SrsFromEpsg(code), $"EPSG:{code}");
            }

            if (trimmed.StartsWith("+proj=", StringComparison.OrdinalIgnoreCase))
            {
                return (Interop.Gdal.SrsFromProj4(trimmed), trimmed);
            }
        }
        catch (NativeLibraryException e)
        {
            throw new InvalidParameterException(parameter, $"Unknown CRS '{trimmed}': {e.Message}");
        }

        throw new InvalidParameterException(parameter, $"Unknown CRS '{trimmed}'; use EPSG:<code> (e.g. EPSG:4326) or a +proj= string.");
    }

    private static string StripProj4Prefix(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("proj4:", StringComparison.OrdinalIgnoreCase) ? trimmed["proj4:".Length..].Trim() : trimmed;
    }

    [GeneratedRegex(@"^(?:\+init=)?epsg:(\d{1,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EpsgPattern();
}
