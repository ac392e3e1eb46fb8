using System.Globalization;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// A parsed <c>min</c> or <c>max</c>: a number, <c>auto</c>, <c>min</c>, <c>max</c>, <c>full</c>, or
/// <c>min:0.02</c> / <c>max:0.98</c> / <c>auto:0.02</c>, where the fraction excludes at most that share of the
/// histogram's samples.
/// </summary>
internal readonly record struct StyleLimit(StyleLimitKind Kind, double Value = 0, double? Threshold = null)
{
    public static readonly StyleLimit Auto = new(StyleLimitKind.Auto);

    /// <summary>The form used in normalised styles.</summary>
    public string Canonical => Kind switch
    {
        StyleLimitKind.Value => Value.ToString("R", CultureInfo.InvariantCulture),
        _ => Kind.ToString().ToLowerInvariant()
            + (Threshold is { } t ? ":" + t.ToString("R", CultureInfo.InvariantCulture) : string.Empty),
    };

    public static bool TryParse(string? text, out StyleLimit limit)
    {
        limit = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            limit = new StyleLimit(StyleLimitKind.Value, number);
            return double.IsFinite(number);
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var keyword = (colon < 0 ? value : value[..colon]).ToLowerInvariant();
        double? threshold = null;
        if (colon >= 0)
        {
            if (!double.TryParse(value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or >= 1)
            {
                return false;
            }

            threshold = t;
        }

        StyleLimitKind? kind = keyword switch
        {
            "auto" => StyleLimitKind.Auto,
            "min" => StyleLimitKind.Min,
            "max" => StyleLimitKind.Max,
            "full" when threshold is null => StyleLimitKind.Full,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        limit = new StyleLimit(kind.Value, 0, threshold);
        return true;
    }
}
