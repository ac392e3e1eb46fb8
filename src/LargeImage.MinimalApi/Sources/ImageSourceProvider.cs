using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Endpoints;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Hosting;
using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// The path from a request to an opened reader: the group's locator finds the host's record and file reference,
/// the reference is checked and resolved (<see cref="ResolveAsync(HttpContext, CommonQuery)"/>, cheap: enough for
/// cache keys and ETags), and the reader comes from the open-reader cache (<see cref="OpenAsync(ImageRequest)"/>,
/// only when something is rendered).
/// </summary>
internal sealed class ImageSourceProvider(FileReferenceResolver files, TileSourceResolver readers, TileSourceCache cache)
{
    public async ValueTask<ImageRequest> ResolveAsync(HttpContext context, CommonQuery query)
    {
        var locator = context.GetEndpoint()?.Metadata.GetMetadata<ImageLocator>()
            ?? throw new InvalidOperationException("The endpoint was not mapped by MapLargeImage.");
        var reference = await locator.FindAsync(context);
        return await ResolveAsync(reference, query, context.RequestAborted);
    }

    public async ValueTask<ImageRequest> ResolveAsync(string? reference, CommonQuery query, CancellationToken cancellationToken)
    {
        var forced = readers.Find(query.Source);
        var projection = ProjectionName.Normalize(query.Projection);
        var frame = QueryValue.Int("frame", query.Frame, 0) ?? 0;
        return new ImageRequest(await files.ResolveAsync(reference, cancellationToken), forced, projection, frame);
    }

    public async Task<OpenedImage> OpenAsync(string? reference, CommonQuery query, CancellationToken cancellationToken) =>
        await OpenAsync(await ResolveAsync(reference, query, cancellationToken));

    public async ValueTask<OpenedImage> OpenAsync(ImageRequest request)
    {
        TileSourceLease lease;
        using (ServerTiming.Measure("open"))
        {
            var file = request.File;
            lease = await cache.AcquireAsync(
                new SourceKey(file.Path, file.Version, request.ForcedReader?.Name, request.Projection), request.ForcedReader);
        }

        try
        {
            if (request.Frame >= lease.Source.FrameCount)
            {
                throw new InvalidParameterException(
                    "frame", $"'frame' must be below {lease.Source.FrameCount}, the image's frame count, not {request.Frame}.");
            }

            return new OpenedImage(lease, request);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }
}
