using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>The frames of an image and their axes; a single-frame image has one frame.</summary>
public sealed record FramesInfo
{
    /// <summary>Every frame with its axis indices and bands.</summary>
    [JsonPropertyName("frames")] public required IReadOnlyList<FrameInfo> Frames { get; init; }

    /// <summary>Number of distinct values of each frame axis.</summary>
    [JsonPropertyName("IndexRange")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? IndexRange { get; init; }

    /// <summary>Frame-number stride of each frame axis.</summary>
    [JsonPropertyName("IndexStride")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? IndexStride { get; init; }

    /// <summary>Channel names.</summary>
    [JsonPropertyName("channels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Channels { get; init; }
}
