using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>One frame of a multi-frame image, with large_image's axis index names.</summary>
public sealed record FrameInfo
{
    /// <summary>0-based frame number (the <c>frame</c> query parameter).</summary>
    [JsonPropertyName("Frame")] public required int Frame { get; init; }

    /// <summary>Index along the channel axis.</summary>
    [JsonPropertyName("IndexC")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? IndexC { get; init; }

    /// <summary>Index along the Z axis.</summary>
    [JsonPropertyName("IndexZ")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? IndexZ { get; init; }

    /// <summary>Index along the time axis.</summary>
    [JsonPropertyName("IndexT")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? IndexT { get; init; }

    /// <summary>Channel name, when the frame is one channel.</summary>
    [JsonPropertyName("Channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    /// <summary>The frame's bands, keyed by 1-based band number.</summary>
    [JsonPropertyName("bands")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, BandInfo>? Bands { get; init; }
}
