using System.Globalization;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// The Aperio <c>ImageDescription</c>: a header line, then <c>key = value</c> pairs separated by <c>|</c>
/// (e.g. <c>AppMag = 20|MPP = 0.4990</c>). Associated-image pages say <c>label</c> or <c>macro</c> on their
/// second line.
/// </summary>
internal sealed class AperioDescription
{
    private AperioDescription(string header, IReadOnlyDictionary<string, string> values)
    {
        Header = header;
        Values = values;
    }

    public string Header { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Microns per pixel (<c>MPP</c>).</summary>
    public double? Mpp => Number("MPP");

    /// <summary>Objective magnification (<c>AppMag</c>).</summary>
    public double? AppMag => Number("AppMag");

    public static bool IsAperio(string? description) =>
        description is not null && description.StartsWith("Aperio", StringComparison.OrdinalIgnoreCase);

    public static AperioDescription? TryParse(string? description)
    {
        if (!IsAperio(description))
        {
            return null;
        }

        var parts = description!.Split('|');
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return new AperioDescription(parts[0].Trim(), values);
    }

    /// <summary>The associated-image kind an Aperio page declares (<c>label</c>, <c>macro</c>), if any.</summary>
    public static string? AssociatedKind(string? description)
    {
        if (!IsAperio(description))
        {
            return null;
        }

        var lines = description!.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var second = lines.Length > 1 ? lines[1] : string.Empty;
        return second.StartsWith("label", StringComparison.OrdinalIgnoreCase) ? "label"
            : second.StartsWith("macro", StringComparison.OrdinalIgnoreCase) ? "macro"
            : null;
    }

    private double? Number(string key) =>
        Values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
