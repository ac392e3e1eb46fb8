using System.Diagnostics.CodeAnalysis;
using LargeImage.MinimalApi.Models;

namespace LargeImage.MinimalApi.Hosting;

/// <summary>What <see cref="LargeImageInspector.InspectAsync"/> found out about a file reference.</summary>
public sealed record ImageInspection
{
    private ImageInspection(ImageMetadata? metadata, string? error)
    {
        Metadata = metadata;
        Error = error;
    }

    /// <summary>The image's metadata when a reader opens it.</summary>
    public ImageMetadata? Metadata { get; }

    /// <summary>Why the file is not readable (the readers' own words) or not allowed.</summary>
    public string? Error { get; }

    /// <summary>Whether a reader opens the file.</summary>
    [MemberNotNullWhen(true, nameof(Metadata))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsReadable => Metadata is not null;

    internal static ImageInspection Readable(ImageMetadata metadata) => new(metadata, null);

    internal static ImageInspection Unreadable(string error) => new(null, error);
}
