namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>How a style's <c>min</c> or <c>max</c> is chosen, as large_image names the choices.</summary>
internal enum StyleLimitKind
{
    /// <summary>A given number.</summary>
    Value,

    /// <summary>0/255 when every band already lies in 0..255, else the band's own minimum/maximum.</summary>
    Auto,

    /// <summary>The band's minimum (or a histogram threshold from the bottom).</summary>
    Min,

    /// <summary>The band's maximum (or a histogram threshold from the top).</summary>
    Max,

    /// <summary>The full range of the sample type.</summary>
    Full,
}
