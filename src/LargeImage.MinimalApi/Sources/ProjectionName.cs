using LargeImage.MinimalApi.Errors;

namespace LargeImage.MinimalApi.Sources;

/// <summary>Normalises the <c>projection</c> parameter so equal projections share a reader and a cache key.</summary>
internal static class ProjectionName
{
    public static string? Normalize(string? projection)
    {
        if (string.IsNullOrWhiteSpace(projection))
        {
            return null;
        }

        var trimmed = projection.Trim();
        if (trimmed.Length > 2048)
        {
            throw new InvalidParameterException("projection", "'projection' is too long.");
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && trimmed[(colon + 1)..].All(char.IsAsciiDigit) && colon < trimmed.Length - 1
            ? $"{trimmed[..colon].ToUpperInvariant()}:{trimmed[(colon + 1)..]}"
            : trimmed;
    }
}
