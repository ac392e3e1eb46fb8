using System.Text.Json.Serialization;

namespace LargeImage.MinimalApi.Models;

/// <summary>
/// Image metadata with large_image's field names, so responses compare one-to-one with large_image's
/// <c>getMetadata()</c>. Geospatial fields are present only for geospatial images.
/// </summary>
public sealed record ImageMetadata
{
    /// <summary>Number of pyramid levels of the opened grid; level 0 is the lowest resolution.</summary>
    [JsonPropertyName("levels")] public required int Levels { get; init; }

    /// <summary>Width in pixels of the full-resolution level of the opened grid.</summary>
    [JsonPropertyName("sizeX")] public required long SizeX { get; init; }

    /// <summary>Height in pixels of the full-resolution level of the opened grid.</summary>
    [JsonPropertyName("sizeY")] public required long SizeY { get; init; }

    /// <summary>Tile width in pixels.</summary>
    [JsonPropertyName("tileWidth")] public required int TileWidth { get; init; }

    /// <summary>Tile height in pixels.</summary>
    [JsonPropertyName("tileHeight")] public required int TileHeight { get; init; }

    /// <summary>Objective magnification of the full-resolution level, when known.</summary>
    [JsonPropertyName("magnification")] public double? Magnification { get; init; }

    /// <summary>Pixel width in millimetres, when known.</summary>
    [JsonPropertyName("mm_x")] public double? MmX { get; init; }

    /// <summary>Pixel height in millimetres, when known.</summary>
    [JsonPropertyName("mm_y")] public double? MmY { get; init; }

    /// <summary>numpy-style sample type (<c>uint8</c>, <c>uint16</c>, <c>float32</c>, …).</summary>
    [JsonPropertyName("dtype")] public required string DType { get; init; }

    /// <summary>Number of bands (samples per pixel).</summary>
    [JsonPropertyName("bandCount")] public required int BandCount { get; init; }

    /// <summary>Whether the image is georeferenced.</summary>
    [JsonPropertyName("geospatial")] public bool Geospatial { get; init; }

    /// <summary>Frames of a multi-frame image (absent for single-frame images, as in large_image).</summary>
    [JsonPropertyName("frames")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FrameInfo>? Frames { get; init; }

    /// <summary>Number of distinct values of each frame axis (<c>IndexC</c>, <c>IndexZ</c>, …).</summary>
    [JsonPropertyName("IndexRange")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? IndexRange { get; init; }

    /// <summary>Frame-number stride of each frame axis.</summary>
    [JsonPropertyName("IndexStride")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? IndexStride { get; init; }

    /// <summary>Channel names of a multi-channel image.</summary>
    [JsonPropertyName("channels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>Channel name to <c>IndexC</c>.</summary>
    [JsonPropertyName("channelmap")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, int>? ChannelMap { get; init; }

    /// <summary>Bounds in WGS84 (EPSG:4326) of a geospatial image.</summary>
    [JsonPropertyName("bounds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GeoBounds? Bounds { get; init; }

    /// <summary>Bounds in the source's own CRS.</summary>
    [JsonPropertyName("sourceBounds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GeoBounds? SourceBounds { get; init; }

    /// <summary>The projection the image was opened in (e.g. <c>EPSG:3857</c>), or null for its native grid.</summary>
    [JsonPropertyName("projection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Projection { get; init; }

    /// <summary>Pyramid levels of the source's native grid.</summary>
    [JsonPropertyName("sourceLevels")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SourceLevels { get; init; }

    /// <summary>Width of the source's native grid.</summary>
    [JsonPropertyName("sourceSizeX")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SourceSizeX { get; init; }

    /// <summary>Height of the source's native grid.</summary>
    [JsonPropertyName("sourceSizeY")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? SourceSizeY { get; init; }

    /// <summary>Per-band information keyed by 1-based band number.</summary>
    [JsonPropertyName("bands")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, BandInfo>? Bands { get; init; }
}
