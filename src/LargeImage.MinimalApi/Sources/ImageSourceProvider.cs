using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Endpoints;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Hosting;
using Microsoft.AspNetCore.Http;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// The path from a request to an opened reader: the group's locator finds the host's record and file reference,
/// the reference is checked and resolved, and the reader comes from the open-reader cache.
/// </summary>
internal sealed class ImageSourceProvider(FileReferenceResolver files, TileSourceResolver readers, TileSourceCache cache)
{
    public async Task<OpenedImage> OpenAsync(HttpContext context, CommonQuery query)
    {
        var locator = context.GetEndpoint()?.Metadata.GetMetadata<ImageLocator>()
            ?? throw new InvalidOperationException("The endpoint was not mapped by MapLargeImage.");
        var reference = await locator.FindAsync(context);
        return Open(reference, query);
    }

    public OpenedImage Open(string? reference, CommonQuery query)
    {
        var forced = readers.Find(query.Source);
        var projection = ProjectionName.Normalize(query.Projection);
        var file = files.Resolve(reference);
        var lease = cache.Acquire(new SourceKey(file.Path, file.Version, forced?.Name, projection), forced);
        try
        {
            var frame = QueryValue.Int("frame", query.Frame, 0) ?? 0;
            if (frame >= lease.Source.FrameCount)
            {
                throw new InvalidParameterException(
                    "frame", $"'frame' must be below {lease.Source.FrameCount}, the image's frame count, not {frame}.");
            }

            return new OpenedImage(lease, file, projection, frame);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }
}
