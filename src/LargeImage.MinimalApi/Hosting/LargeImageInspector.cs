using LargeImage.MinimalApi.Endpoints;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>
/// Lets a host check a file before it keeps a record of it, e.g. to refuse an upload that no reader can open.
/// Registered by <c>AddLargeImage</c>.
/// </summary>
public sealed class LargeImageInspector
{
    private readonly ImageSourceProvider provider;

    internal LargeImageInspector(ImageSourceProvider provider) => this.provider = provider;

    /// <summary>Opens a file reference as the endpoints would and reports its metadata or why it cannot be read.</summary>
    /// <param name="fileReference">What the host's file selector would return for the record.</param>
    /// <param name="cancellationToken">Stops waiting for a remote store.</param>
    public async Task<ImageInspection> InspectAsync(string fileReference, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileReference);
        try
        {
            using var image = await provider.OpenAsync(fileReference, new CommonQuery(), cancellationToken);
            return ImageInspection.Readable(image.Source.Metadata);
        }
        catch (LargeImageException e)
        {
            return ImageInspection.Unreadable(FolderRedaction.Apply(e.Message));
        }
    }
}
