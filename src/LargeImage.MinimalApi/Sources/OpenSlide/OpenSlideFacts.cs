using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Native;
using Interop = LargeImage.MinimalApi.Native.Interop;

namespace LargeImage.MinimalApi.Sources.OpenSlide;

/// <summary>
/// What a slide's first open learns: vendor, levels, properties and associated images. It holds no handle, so one
/// serves every reopen of an unchanged file, and a reopen need not pay <c>openslide_open</c> (which hashes the slide)
/// until a read actually goes through OpenSlide.
/// </summary>
internal sealed record OpenSlideFacts
{
    public required string Vendor { get; init; }

    /// <summary>The levels with pixels, finest first; the first is level 0.</summary>
    public required IReadOnlyList<OpenSlideLevel> Levels { get; init; }

    /// <summary>Every OpenSlide level's downsample as OpenSlide reports it, by index, for choosing the level to read.</summary>
    public required IReadOnlyList<double> Downsamples { get; init; }

    public required IReadOnlyDictionary<string, string> Properties { get; init; }

    public required IReadOnlyDictionary<string, (long Width, long Height)> Associated { get; init; }

    /// <summary>Reads the facts off an open slide, checking that its first pixel decodes.</summary>
    /// <exception cref="NativeLibraryException">The slide cannot be read.</exception>
    public static OpenSlideFacts Read(string path, OpenSlideHandle slide)
    {
        var count = Interop.OpenSlide.GetLevelCount(slide);
        var readable = new List<OpenSlideLevel>();
        var downsamples = new double[count];
        for (var index = 0; index < count; index++)
        {
            var (width, height) = Interop.OpenSlide.GetLevelDimensions(slide, index);
            downsamples[index] = Interop.OpenSlide.GetLevelDownsample(slide, index);
            if (width > 0 && height > 0)
            {
                readable.Add(OpenSlideLevel.Create(index, width, height, downsamples[index]));
            }
        }

        if (readable.Count == 0 || readable[0].Index != 0)
        {
            throw new NativeLibraryException("OpenSlide", "The slide has no readable full-resolution level.");
        }

        _ = Interop.OpenSlide.ReadRegion(slide, 0, 0, 0, 1, 1);
        return new OpenSlideFacts
        {
            Vendor = Interop.OpenSlide.DetectVendor(path) ?? "unknown",
            Levels = readable,
            Downsamples = downsamples,
            Properties = Interop.OpenSlide.GetPropertyNames(slide)
                .ToDictionary(name => name, name => Interop.OpenSlide.GetPropertyValue(slide, name) ?? string.Empty, StringComparer.Ordinal),
            Associated = Interop.OpenSlide.GetAssociatedImageNames(slide)
                .ToDictionary(name => name, name => Interop.OpenSlide.GetAssociatedImageDimensions(slide, name), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The OpenSlide level to read for <paramref name="downsample"/>, as <c>openslide_get_best_level_for_downsample</c>
    /// chooses it: the coarsest whose downsample is not above it, level 0 below every level.
    /// </summary>
    public int BestLevelFor(double downsample)
    {
        for (var index = 1; index < Downsamples.Count; index++)
        {
            if (downsample < Downsamples[index])
            {
                return index - 1;
            }
        }

        return Downsamples.Count - 1;
    }
}
