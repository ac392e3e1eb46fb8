namespace LargeImage.MinimalApi.Rendering.Colormaps;

/// <summary>A named colormap expanded to its 256 palette entries, lowest value first.</summary>
internal sealed class Colormap(string name, IReadOnlyList<RgbaColor> colors)
{
    public string Name { get; } = name;

    public IReadOnlyList<RgbaColor> Colors { get; } = colors;

    /// <summary>The colour of a value already scaled to 0..1, interpolated as a linear palette is.</summary>
    public RgbaColor At(double fraction)
    {
        var position = Math.Clamp(fraction, 0, 1) * (Colors.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, Colors.Count - 1);
        var t = position - low;
        var a = Colors[low];
        var b = Colors[high];
        return new RgbaColor(a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t), a.A + ((b.A - a.A) * t));
    }
}
