namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>A style band's palette: the colours values are mapped onto, lowest first.</summary>
/// <param name="Colors">At least one colour.</param>
/// <param name="Canonical">A colormap's name, or the colours as <c>#rrggbbaa</c> joined by commas.</param>
internal sealed record Palette(IReadOnlyList<RgbaColor> Colors, string Canonical)
{
    /// <summary>large_image's default palette for value bands.</summary>
    public static readonly Palette BlackToWhite = FromColors([new(0, 0, 0), new(255, 255, 255)]);

    /// <summary>large_image's default palette for the alpha band.</summary>
    public static readonly Palette TransparentToOpaque = FromColors([new(255, 255, 255, 0), new(255, 255, 255)]);

    public static Palette FromColors(IReadOnlyList<RgbaColor> colors) =>
        new(colors, string.Join(',', colors.Select(c => c.ToHex())));
}
