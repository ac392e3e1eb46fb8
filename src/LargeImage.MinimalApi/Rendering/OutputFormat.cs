using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Rendering;

/// <summary>An image format the endpoints can produce.</summary>
/// <param name="Name">Canonical name (<c>png</c>, <c>jpeg</c>, <c>webp</c>, <c>tiff</c>).</param>
/// <param name="ContentType">MIME type of the encoded bytes.</param>
/// <param name="HasAlpha">Whether transparency survives encoding.</param>
internal sealed record OutputFormat(string Name, string ContentType, bool HasAlpha)
{
    public static readonly OutputFormat Png = new("png", "image/png", true);
    public static readonly OutputFormat Jpeg = new("jpeg", "image/jpeg", false);
    public static readonly OutputFormat Webp = new("webp", "image/webp", true);
    public static readonly OutputFormat Tiff = new("tiff", "image/tiff", true);

    /// <summary>Whether the encoder takes a quality; for the others it must not split cache entries.</summary>
    public bool IsLossy => Name is "jpeg" or "webp";

    /// <summary>Every accepted extension, aliases included, with its format.</summary>
    public static readonly IReadOnlyDictionary<string, OutputFormat> ByExtension =
        new Dictionary<string, OutputFormat>(StringComparer.OrdinalIgnoreCase)
        {
            ["png"] = Png,
            ["jpeg"] = Jpeg,
            ["jpg"] = Jpeg,
            ["webp"] = Webp,
            ["tif"] = Tiff,
            ["tiff"] = Tiff,
        };

    public static OutputFormat Parse(string? extension) =>
        extension is not null && ByExtension.TryGetValue(extension, out var format)
            ? format
            : throw new InvalidParameterException(
                "fmt", $"Unknown format '{extension}'. Valid formats: {string.Join(", ", ByExtension.Keys)}.");
}
