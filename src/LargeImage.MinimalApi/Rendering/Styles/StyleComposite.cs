namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>How a style band combines with the bands before it.</summary>
internal enum StyleComposite
{
    /// <summary>Per channel maximum (the default for every band but alpha).</summary>
    Lighten,

    /// <summary>Per channel product on a 0..1 scale (the default for the alpha band).</summary>
    Multiply,
}
