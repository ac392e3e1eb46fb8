namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Reader priorities on large_image's scale (<c>large_image.constants.SourcePriority</c>), lower preferred, so
/// readers written separately rank files consistently.
/// </summary>
internal static class SourcePriority
{
    public const int Named = 0;
    public const int Preferred = 1;
    public const int Higher = 2;
    public const int High = 3;
    public const int Medium = 4;
    public const int Low = 5;
    public const int Lower = 6;
    public const int Fallback = 7;
}
