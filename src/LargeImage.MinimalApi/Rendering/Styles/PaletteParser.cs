using System.Text.Json;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Rendering.Colormaps;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// Reads a palette as large_image accepts it: a colormap name, a single CSS colour (meaning black to that colour),
/// or a list of CSS colours or of <c>[r, g, b(, a)]</c> fractions. Colormap names are tried before colour names,
/// so <c>gray</c> is the black-to-white colormap a matplotlib user means rather than the CSS colour #808080.
/// </summary>
internal static class PaletteParser
{
    public static Palette Parse(string text, string parameter)
    {
        var value = text.Trim();
        if (value.StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(value);
                return Parse(document.RootElement, parameter);
            }
            catch (JsonException e)
            {
                throw new InvalidParameterException(parameter, $"'{parameter}' is not a valid JSON list of colours: {e.Message}");
            }
        }

        if (ColormapRegistry.TryGet(value, out var colormap))
        {
            return new Palette(colormap.Colors, colormap.Name);
        }

        if (CssColor.TryParse(value, out var color))
        {
            return Palette.FromColors([new RgbaColor(0, 0, 0), color]);
        }

        throw Unknown(parameter, value);
    }

    public static Palette Parse(JsonElement element, string parameter)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Parse(element.GetString()!, parameter);
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new InvalidParameterException(parameter, $"'{parameter}' palette must be a colormap name, a colour or a non-empty list of colours.");
        }

        var colors = new List<RgbaColor>();
        foreach (var item in element.EnumerateArray())
        {
            colors.Add(item.ValueKind switch
            {
                JsonValueKind.String when CssColor.TryParse(item.GetString(), out var c) => c,
                JsonValueKind.Array => Fractions(item, parameter),
                _ => throw new InvalidParameterException(
                    parameter, $"'{parameter}' palette entry {item.GetRawText()} is not a CSS colour (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), hsl() or a colour name)."),
            });
        }

        return Palette.FromColors(colors);
    }

    private static RgbaColor Fractions(JsonElement item, string parameter)
    {
        var values = item.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();
        if (values.Length is < 3 or > 4 || values.Any(v => v is < 0 or > 1 || double.IsNaN(v)))
        {
            throw new InvalidParameterException(parameter, $"'{parameter}' palette entry {item.GetRawText()} must be [r, g, b] or [r, g, b, a] fractions between 0 and 1.");
        }

        return new RgbaColor(values[0] * 255, values[1] * 255, values[2] * 255, values.Length == 4 ? values[3] * 255 : 255);
    }

    private static InvalidParameterException Unknown(string parameter, string value)
    {
        var names = ColormapRegistry.Names.Where(n => !n.EndsWith("_r", StringComparison.Ordinal));
        return new InvalidParameterException(
            parameter,
            $"Unknown palette '{value}': not a colormap nor a CSS colour. Valid colormaps: {string.Join(", ", names)} (each also reversed with _r).");
    }
}
