namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>One parsed band definition of a style, before it is resolved against an image.</summary>
/// <param name="Band">Which image band to read.</param>
/// <param name="Frame">A frame to read instead of the request's.</param>
/// <param name="FrameDelta">An offset from the request's frame, used when <paramref name="Frame"/> is null.</param>
/// <param name="Min">The value mapped to the first palette colour.</param>
/// <param name="Max">The value mapped to the last palette colour.</param>
/// <param name="Palette">The palette, or null for large_image's default (black to white; alpha: transparent to opaque white).</param>
/// <param name="Scheme">Linear or discrete.</param>
/// <param name="Nodata">A value drawn as nothing (transparent in the first band).</param>
/// <param name="Composite">How this band combines with earlier ones, or null for the default (multiply for alpha).</param>
/// <param name="Clamp">Whether values beyond min..max take the end colours (true) or are left out (false).</param>
internal sealed record StyleBand(
    StyleBandSelector Band,
    int? Frame,
    int? FrameDelta,
    StyleLimit Min,
    StyleLimit Max,
    Palette? Palette,
    StyleScheme Scheme,
    double? Nodata,
    StyleComposite? Composite,
    bool Clamp);
