namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>How values between min and max pick palette colours.</summary>
internal enum StyleScheme
{
    /// <summary>Piecewise-linear interpolation between the palette's colours.</summary>
    Linear,

    /// <summary>The range split into as many equal classes as the palette has colours, each one exact colour.</summary>
    Discrete,
}
