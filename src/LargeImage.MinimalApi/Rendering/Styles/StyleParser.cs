using System.Globalization;
using System.Text.Json;
using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// Builds an <see cref="ImageStyle"/> from the <c>style</c> JSON or from the simple parameters
/// (<c>band min max palette|cmap nodata scheme</c>); the JSON wins. Every malformed value is an
/// <see cref="InvalidParameterException"/> naming the parameter, and keys we cannot honour are refused rather than
/// silently ignored.
/// </summary>
internal static class StyleParser
{
    private static readonly string[] BandKeys =
        ["band", "frame", "framedelta", "min", "max", "palette", "scheme", "nodata", "composite", "clamp", "dtype", "icc"];

    /// <summary>The style of a request, or null for the default rendering.</summary>
    public static ImageStyle? FromQuery(
        string? style, string? band, string? min, string? max, string? palette, string? cmap, string? nodata, string? scheme)
    {
        if (!string.IsNullOrWhiteSpace(style))
        {
            return ParseJson(style);
        }

        var paletteText = string.IsNullOrWhiteSpace(palette) ? cmap : palette;
        var paletteName = string.IsNullOrWhiteSpace(palette) ? "cmap" : "palette";
        if (new[] { band, min, max, paletteText, nodata, scheme }.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var entry = new StyleBand(
            string.IsNullOrWhiteSpace(band) ? StyleBandSelector.Default : ParseSelector(band, "band"),
            null,
            null,
            ParseLimit(min, "min"),
            ParseLimit(max, "max"),
            string.IsNullOrWhiteSpace(paletteText) ? null : PaletteParser.Parse(paletteText, paletteName),
            ParseScheme(scheme, "scheme"),
            ParseNodata(nodata, "nodata"),
            null,
            true);
        return new ImageStyle([entry], fromJson: false);
    }

    public static ImageStyle? ParseJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Invalid($"'style' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("'style' must be a JSON object: one band definition or {\"bands\": [...]}.");
            }

            if (!root.TryGetProperty("bands", out var bands))
            {
                return IsEmpty(root) ? null : new ImageStyle([ParseBand(root)], fromJson: true);
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name != "bands"))
            {
                CheckSharedKey(property);
            }

            if (bands.ValueKind != JsonValueKind.Array)
            {
                throw Invalid("'style' key 'bands' must be a list of band definitions.");
            }

            var entries = bands.EnumerateArray().Select(b => b.ValueKind == JsonValueKind.Object
                ? ParseBand(b)
                : throw Invalid("'style' bands must be JSON objects.")).ToArray();
            return entries.Length == 0 ? null : new ImageStyle(entries, fromJson: true);
        }
    }

    // {} and {"icc": …} mean the default rendering in large_image.
    private static bool IsEmpty(JsonElement root) => root.EnumerateObject().All(p => p.Name == "icc");

    private static StyleBand ParseBand(JsonElement band)
    {
        foreach (var property in band.EnumerateObject())
        {
            if (!BandKeys.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid($"'style' key '{property.Name}' is not supported. Valid keys: {string.Join(", ", BandKeys)}.");
            }

            if (property.Name is "dtype" or "icc")
            {
                CheckSharedKey(property);
            }
        }

        var selector = StyleBandSelector.Default;
        if (band.TryGetProperty("band", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            selector = b.ValueKind switch
            {
                JsonValueKind.Number when b.TryGetInt32(out var index) => index == -1 ? StyleBandSelector.Default : Selector(index, "style"),
                JsonValueKind.String => ParseSelector(b.GetString()!, "style"),
                _ => throw Invalid($"'style' band must be a 1-based number or a band name, not {b.GetRawText()}."),
            };
        }

        return new StyleBand(
            selector,
            OptionalInt(band, "frame", 0),
            OptionalInt(band, "framedelta", int.MinValue),
            band.TryGetProperty("min", out var min) ? ParseLimit(Text(min), "style") : StyleLimit.Auto,
            band.TryGetProperty("max", out var max) ? ParseLimit(Text(max), "style") : StyleLimit.Auto,
            band.TryGetProperty("palette", out var palette) && palette.ValueKind != JsonValueKind.Null ? PaletteParser.Parse(palette, "style") : null,
            band.TryGetProperty("scheme", out var scheme) ? ParseScheme(Text(scheme), "style") : StyleScheme.Linear,
            band.TryGetProperty("nodata", out var nodata) ? ParseNodata(Text(nodata), "style") : null,
            band.TryGetProperty("composite", out var composite) ? ParseComposite(Text(composite)) : null,
            !band.TryGetProperty("clamp", out var clamp) || ParseClamp(clamp));
    }

    private static void CheckSharedKey(JsonProperty property)
    {
        // dtype uint8 is what we always produce and icc correction is not applied; anything else would be silently wrong.
        var ok = property.Name switch
        {
            "icc" => true,
            "dtype" => property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == "uint8",
            _ => false,
        };
        if (!ok)
        {
            throw Invalid($"'style' key '{property.Name}' with value {property.Value.GetRawText()} is not supported.");
        }
    }

    private static StyleBandSelector ParseSelector(string text, string parameter)
    {
        var value = text.Trim();
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return index == -1 ? StyleBandSelector.Default : Selector(index, parameter);
        }

        return value.Length == 0
            ? throw new InvalidParameterException(parameter, $"'{parameter}' band must not be empty.")
            : new StyleBandSelector(null, value.ToLowerInvariant() == "grey" ? "gray" : value.ToLowerInvariant());
    }

    private static StyleBandSelector Selector(int index, string parameter) => index >= 1
        ? new StyleBandSelector(index, null)
        : throw new InvalidParameterException(parameter, $"'{parameter}' band numbers start at 1, not {index}.");

    private static StyleLimit ParseLimit(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return StyleLimit.Auto;
        }

        return StyleLimit.TryParse(text, out var limit)
            ? limit
            : throw new InvalidParameterException(
                parameter,
                $"'{parameter}' limit '{text}' must be a number, auto, min, max, full, or min:/max:/auto: followed by a fraction below 1 (e.g. min:0.02).");
    }

    private static StyleScheme ParseScheme(string? text, string parameter) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "linear" => StyleScheme.Linear,
        "discrete" => StyleScheme.Discrete,
        _ => throw new InvalidParameterException(parameter, $"'{parameter}' scheme must be linear or discrete, not '{text}'."),
    };

    private static StyleComposite ParseComposite(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "lighten" => StyleComposite.Lighten,
        "multiply" => StyleComposite.Multiply,
        _ => throw Invalid($"'style' composite must be lighten or multiply, not '{text}'."),
    };

    private static double? ParseNodata(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidParameterException(parameter, $"'{parameter}' nodata must be a number (or nan), not '{text}'.");
    }

    private static bool ParseClamp(JsonElement clamp) => clamp.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // large_image's own examples write "clamp": "true".
        JsonValueKind.String when bool.TryParse(clamp.GetString(), out var value) => value,
        _ => throw Invalid($"'style' clamp must be true or false, not {clamp.GetRawText()}."),
    };

    private static int? OptionalInt(JsonElement band, string key, int minimum)
    {
        if (!band.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum
            ? number
            : throw Invalid($"'style' {key} must be a whole number{(minimum == 0 ? " from 0" : string.Empty)}, not {value.GetRawText()}.");
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => throw Invalid($"'style' value {value.GetRawText()} must be a number or a string."),
    };

    private static InvalidParameterException Invalid(string message) => new("style", message);
}
