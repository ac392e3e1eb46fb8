using System.Text.Json;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Sources;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Rendering.Histograms;

/// <summary>
/// Histograms of whole frames, computed on one bounded read (long side at most
/// <see cref="LargeImageOptions.HistogramMaxSize"/>) rather than the full-resolution image, and kept in the rendered
/// cache as the JSON the endpoint serves, so style thresholds and the histogram endpoint share one computation.
/// </summary>
internal sealed class HistogramService(RenderedCache cache, IOptions<LargeImageOptions> options)
{
    public ValueTask<byte[]> GetJsonAsync(OpenedImage image, int frame, HistogramRequest request, CancellationToken cancellationToken)
    {
        var maxSize = options.Value.HistogramMaxSize;
        var key = new RenderKey(
            image.File, image.Source.Reader, image.Projection, frame, $"histogram/{request.Canonical};maxSize={maxSize}", string.Empty, "json", 0);
        return cache.GetOrRenderAsync(key, _ => JsonSerializer.SerializeToUtf8Bytes(Compute(image.Source, frame, request, maxSize)), cancellationToken);
    }

    public async ValueTask<IReadOnlyList<BandHistogram>> GetAsync(OpenedImage image, int frame, HistogramRequest request, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<BandHistogram[]>(await GetJsonAsync(image, frame, request, cancellationToken))!;

    /// <summary>The size of the bounded read for an image: aspect kept, never enlarged.</summary>
    public static (int Width, int Height) BoundedSize(long sizeX, long sizeY, int maxSize)
    {
        var scale = Math.Min(1, maxSize / (double)Math.Max(sizeX, sizeY));
        return ((int)Math.Max(1, Math.Round(sizeX * scale)), (int)Math.Max(1, Math.Round(sizeY * scale)));
    }

    private static BandHistogram[] Compute(ITileSource source, int frame, HistogramRequest request, int maxSize)
    {
        var metadata = source.Metadata;
        var (width, height) = BoundedSize(metadata.SizeX, metadata.SizeY, maxSize);
        var raster = source.ReadRegion(new PixelWindow(0, 0, metadata.SizeX, metadata.SizeY), width, height, new ReadOptions(frame));
        return HistogramCalculator.Compute(raster, request, [.. source.GetBands(frame).Select(b => b.Nodata)]);
    }
}
