namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>
/// Which image band a style band reads: a 1-based index, or an interpretation name (<c>red</c>, <c>green</c>,
/// <c>blue</c>, <c>gray</c>, <c>alpha</c>, or any band's own interpretation). Neither means large_image's default:
/// the only band of a grey image, or green (the luminance-like band) of a colour image.
/// </summary>
internal readonly record struct StyleBandSelector(int? Index, string? Name)
{
    public static readonly StyleBandSelector Default = new(null, null);

    public bool IsAlpha => Name == "alpha";

    public string Canonical => Index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? "default";
}
