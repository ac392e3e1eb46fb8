using System.Diagnostics.CodeAnalysis;
using LargeImage.MinimalApi.Endpoints;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
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

    /// <summary>Opens a file reference as the endpoints would and returns its metadata.</summary>
    /// <param name="fileReference">What the host's file selector would return for the record.</param>
    /// <param name="metadata">The image's metadata when it is readable.</param>
    /// <param name="error">Why it is not readable (the readers' own words) or not allowed.</param>
    /// <returns>Whether a reader can open the file.</returns>
    public bool TryDescribe(string fileReference, [NotNullWhen(true)] out ImageMetadata? metadata, [NotNullWhen(false)] out string? error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileReference);
        try
        {
            using var image = provider.Open(fileReference, new CommonQuery());
            metadata = image.Source.Metadata;
            error = null;
            return true;
        }
        catch (LargeImageException e)
        {
            metadata = null;
            error = e.Message;
            return false;
        }
    }
}
