namespace LargeImage.MinimalApi.Sources;

/// <summary>Per-read choices that do not change which grid is opened.</summary>
/// <param name="Frame">0-based frame; validated against <see cref="ITileSource.FrameCount"/> by the caller.</param>
/// <param name="Resampling">Resampling for warped or scaled reads (<c>nearest</c> when null).</param>
internal sealed record ReadOptions(int Frame = 0, string? Resampling = null)
{
    public static readonly ReadOptions Default = new();
}
