using System.Text;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// A parsed, validated style (large_image's <c>style</c>): one or more band definitions composited in order.
/// Validation against a particular image (band numbers, frames) happens when it is resolved.
/// </summary>
internal sealed class ImageStyle
{
    public ImageStyle(IReadOnlyList<StyleBand> bands, bool fromJson)
    {
        Bands = bands;
        FromJson = fromJson;
        Canonical = BuildCanonical(bands);
    }

    public IReadOnlyList<StyleBand> Bands { get; }

    /// <summary>Whether it came from the <c>style</c> JSON (errors then name <c>style</c>) or the simple parameters.</summary>
    public bool FromJson { get; }

    /// <summary>Every key spelled out with its default, so equivalent styles share a cache key.</summary>
    public string Canonical { get; }

    /// <summary>The query parameter to blame for a problem with <paramref name="key"/>.</summary>
    public string ParameterFor(string key) => FromJson ? "style" : key;

    private static string BuildCanonical(IReadOnlyList<StyleBand> bands)
    {
        var builder = new StringBuilder();
        foreach (var band in bands)
        {
            builder.Append('{')
                .Append("band=").Append(band.Band.Canonical)
                .Append(";frame=").Append(band.Frame).Append(";framedelta=").Append(band.FrameDelta)
                .Append(";min=").Append(band.Min.Canonical).Append(";max=").Append(band.Max.Canonical)
                .Append(";palette=").Append(band.Palette?.Canonical ?? "default")
                .Append(";scheme=").Append(band.Scheme)
                .Append(";nodata=").Append(band.Nodata?.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                .Append(";composite=").Append(band.Composite?.ToString() ?? "default")
                .Append(";clamp=").Append(band.Clamp)
                .Append('}');
        }

        return builder.ToString();
    }
}
