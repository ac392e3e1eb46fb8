namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>A style band resolved against one image: concrete band index, frame, numeric range and colours.</summary>
/// <param name="BandIndex">0-based band, or null for the alpha of an image without one (constant opaque).</param>
/// <param name="Frame">The frame to read.</param>
/// <param name="Min">Value mapped to the first colour.</param>
/// <param name="Max">Value mapped to the last colour.</param>
/// <param name="Palette">The colours.</param>
/// <param name="Discrete">Whether values pick exact colours rather than interpolating.</param>
/// <param name="Nodata">Value drawn as nothing.</param>
/// <param name="Multiply">Whether the band multiplies into the output rather than lightening it.</param>
/// <param name="Clamp">Whether out-of-range values take the end colours rather than being left out.</param>
internal sealed record ResolvedStyleBand(
    int? BandIndex,
    int Frame,
    double Min,
    double Max,
    IReadOnlyList<RgbaColor> Palette,
    bool Discrete,
    double? Nodata,
    bool Multiply,
    bool Clamp);
