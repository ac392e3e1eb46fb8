using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Models;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// What a file holds once its pages are sorted out: per frame the levels stored in the file (finest first),
/// the associated images, frame axes and physical scale. Holds no images, so one layout serves every reopen of an
/// unchanged file.
/// </summary>
internal sealed record VipsLayout
{
    /// <summary>The most metadata, in JSON characters, a remembered layout holds: 256 of them stay under 128 MiB.</summary>
    public const int MaxRememberedChars = 256 * 1024;

    public required string Loader { get; init; }

    /// <summary>The pixel format of every level.</summary>
    public required Enums.BandFormat Format { get; init; }

    /// <summary>The band count of every level.</summary>
    public required int Bands { get; init; }

    /// <summary>Per frame, the stored levels finest first; the first is full resolution.</summary>
    public required IReadOnlyList<IReadOnlyList<StoredLevel>> Frames { get; init; }

    /// <summary>Associated image name to the TIFF page holding it.</summary>
    public required IReadOnlyDictionary<string, int> AssociatedPages { get; init; }

    public IReadOnlyList<FrameInfo>? FrameInfos { get; init; }

    public IReadOnlyList<string>? Channels { get; init; }

    public double? MmX { get; init; }

    public double? MmY { get; init; }

    public double? Magnification { get; init; }

    public required JsonObject Internal { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The full-resolution level's stored tile width and height when it is a tiled TIFF page, else null.</summary>
    public (long Width, long Height)? StoredTile { get; init; }

    /// <summary>
    /// Whether the layout is small enough to remember for reopens: its metadata under <see cref="MaxRememberedChars"/>
    /// JSON characters (an OME-XML of a big plate runs to megabytes).
    /// </summary>
    public bool IsWorthRemembering => Internal.ToJsonString().Length <= MaxRememberedChars;

    /// <summary>A level stored in the file and its power-of-two downsample from full resolution.</summary>
    /// <param name="Width">The level's width in pixels.</param>
    /// <param name="Height">The level's height in pixels.</param>
    /// <param name="Downsample">Full-resolution pixels per level pixel.</param>
    /// <param name="Page">The TIFF page holding it, or -1 when the file is not a TIFF.</param>
    /// <param name="SubIfd">Which of the page's sub-IFDs holds it, or -1 for the page itself.</param>
    internal readonly record struct StoredLevel(int Width, int Height, long Downsample, int Page = -1, int SubIfd = -1);
}
