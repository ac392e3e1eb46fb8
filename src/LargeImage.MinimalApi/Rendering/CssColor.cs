using System.Globalization;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>
/// Parses the CSS colour forms large_image accepts in palettes: <c>#rgb</c>, <c>#rgba</c>, <c>#rrggbb</c>,
/// <c>#rrggbbaa</c>, <c>rgb()</c>/<c>rgba()</c> (numbers or percentages, comma or space separated),
/// <c>hsl()</c>/<c>hsla()</c> and the CSS named colours.
/// </summary>
internal static class CssColor
{
    public static bool TryParse(string? text, out RgbaColor color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.StartsWith('#'))
        {
            return TryParseHex(value[1..], out color);
        }

        if (CssColorNames.Values.TryGetValue(value, out var rgb))
        {
            color = RgbaColor.FromRgb(rgb);
            return true;
        }

        var open = value.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !value.EndsWith(')'))
        {
            return false;
        }

        var function = value[..open].Trim().ToLowerInvariant();
        var args = value[(open + 1)..^1].Replace('/', ' ').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return function switch
        {
            "rgb" or "rgba" => TryParseRgb(args, out color),
            "hsl" or "hsla" => TryParseHsl(args, out color),
            _ => false,
        };
    }

    private static bool TryParseHex(string hex, out RgbaColor color)
    {
        color = default;
        if (!hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        switch (hex.Length)
        {
            case 3 or 4:
                var expanded = string.Concat(hex.Select(c => new string(c, 2)));
                return TryParseHex(expanded, out color);
            case 6 or 8:
                var n = Convert.ToUInt32(hex, 16);
                color = hex.Length == 6
                    ? new RgbaColor((n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF)
                    : new RgbaColor(n >> 24, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
                return true;
            default:
                return false;
        }
    }

    private static bool TryParseRgb(string[] args, out RgbaColor color)
    {
        color = default;
        if (args.Length is < 3 or > 4)
        {
            return false;
        }

        var channels = new double[4];
        channels[3] = 255;
        for (var i = 0; i < 3; i++)
        {
            var percent = args[i].EndsWith('%');
            if (!TryNumber(percent ? args[i][..^1] : args[i], out var number))
            {
                return false;
            }

            channels[i] = Math.Clamp(percent ? number * 255 / 100 : number, 0, 255);
        }

        // Alpha is a 0–1 fraction (or percentage) in CSS, unlike the colour channels.
        if (args.Length == 4)
        {
            if (!TryAlpha(args[3], out var alpha))
            {
                return false;
            }

            channels[3] = Math.Clamp(alpha, 0, 1) * 255;
        }

        color = new RgbaColor(channels[0], channels[1], channels[2], channels[3]);
        return true;
    }

    private static bool TryParseHsl(string[] args, out RgbaColor color)
    {
        color = default;
        if (args.Length is < 3 or > 4
            || !TryNumber(args[0].Replace("deg", string.Empty, StringComparison.OrdinalIgnoreCase), out var hue)
            || !args[1].EndsWith('%') || !TryNumber(args[1][..^1], out var saturation)
            || !args[2].EndsWith('%') || !TryNumber(args[2][..^1], out var lightness))
        {
            return false;
        }

        var alpha = 1d;
        if (args.Length == 4 && !TryAlpha(args[3], out alpha))
        {
            return false;
        }

        var s = Math.Clamp(saturation / 100, 0, 1);
        var l = Math.Clamp(lightness / 100, 0, 1);
        var h = ((hue % 360) + 360) % 360;
        double Channel(double n)
        {
            var k = (n + (h / 30)) % 12;
            var a = s * Math.Min(l, 1 - l);
            return (l - (a * Math.Max(-1, Math.Min(Math.Min(k - 3, 9 - k), 1)))) * 255;
        }

        color = new RgbaColor(Channel(0), Channel(8), Channel(4), Math.Clamp(alpha, 0, 1) * 255);
        return true;
    }

    private static bool TryAlpha(string text, out double alpha)
    {
        var percent = text.EndsWith('%');
        var parsed = TryNumber(percent ? text[..^1] : text, out alpha);
        alpha = percent ? alpha / 100 : alpha;
        return parsed;
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
