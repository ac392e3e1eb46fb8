namespace LargeImage.MinimalApi.Sources.OpenSlide;

/// <summary>
/// One OpenSlide level: its index, size and downsample from level 0. Downsamples within 1% of a power of two
/// are snapped to it (formats store e.g. 4.0003), so aligned tile reads stay exact copies.
/// </summary>
internal readonly record struct OpenSlideLevel(int Index, long Width, long Height, double Downsample)
{
    public static OpenSlideLevel Create(int index, long width, long height, double downsample)
    {
        var power = Math.Pow(2, Math.Round(Math.Log2(Math.Max(1, downsample))));
        var snapped = Math.Abs((downsample / power) - 1) < 0.01 ? power : downsample;
        return new OpenSlideLevel(index, width, height, snapped);
    }

    /// <summary>A coordinate of this level in level-0 pixels, which is what <c>openslide_read_region</c> takes.</summary>
    public long ToLevel0(int coordinate) => (long)Math.Round(coordinate * Downsample);
}
