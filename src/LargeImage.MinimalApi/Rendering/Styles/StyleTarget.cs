using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Rendering.Styles;

/// <summary>What resolving a style needs to know about the image it is applied to.</summary>
/// <param name="Frame">The request's frame.</param>
/// <param name="FrameCount">Frames in the image.</param>
/// <param name="BandCount">Bands per frame.</param>
/// <param name="Type">Sample type.</param>
/// <param name="Bands">Band descriptions and statistics of a frame.</param>
/// <param name="Histograms">Histograms of a frame from a bounded read; asked only for thresholds or missing statistics.</param>
internal sealed record StyleTarget(
    int Frame,
    int FrameCount,
    int BandCount,
    PixelType Type,
    Func<int, IReadOnlyList<BandInfo>> Bands,
    Func<int, CancellationToken, ValueTask<IReadOnlyList<BandHistogram>>> Histograms);
