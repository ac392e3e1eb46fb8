using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LargeImage.MinimalApi.Rendering.Colormaps;

/// <summary>
/// The named colormaps, looked up case-insensitively as matplotlib names them, each also reversed with an
/// <c>_r</c> suffix, plus the aliases matplotlib users type (<c>grey</c>, <c>greys</c>).
/// </summary>
internal static class ColormapRegistry
{
    private const string ReversedSuffix = "_r";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grey"] = "gray",
        ["greys"] = "Greys",
    };

    private static readonly Dictionary<string, Colormap> Maps = Build();

    /// <summary>Every accepted name in its canonical spelling, reversals included, sorted case-insensitively.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Maps.Values.Select(m => m.Name).Distinct().Order(StringComparer.OrdinalIgnoreCase)];

    public static bool TryGet(string? name, [NotNullWhen(true)] out Colormap? colormap)
    {
        colormap = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        var reversed = trimmed.EndsWith(ReversedSuffix, StringComparison.OrdinalIgnoreCase);
        var baseName = reversed ? trimmed[..^ReversedSuffix.Length] : trimmed;
        if (Aliases.TryGetValue(baseName, out var alias))
        {
            baseName = alias;
        }

        return Maps.TryGetValue(reversed ? baseName + ReversedSuffix : baseName, out colormap);
    }

    private static Dictionary<string, Colormap> Build()
    {
        var maps = new Dictionary<string, Colormap>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, packed) in ColormapTables.Entries)
        {
            var colors = new RgbaColor[packed.Length / 6];
            for (var i = 0; i < colors.Length; i++)
            {
                colors[i] = RgbaColor.FromRgb(int.Parse(packed.AsSpan(i * 6, 6), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }

            maps[name] = new Colormap(name, colors);
            maps[name + ReversedSuffix] = new Colormap(name + ReversedSuffix, [.. colors.Reverse()]);
        }

        return maps;
    }
}
