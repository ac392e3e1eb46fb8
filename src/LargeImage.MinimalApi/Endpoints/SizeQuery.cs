using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>The bounding box of a thumbnail or associated image.</summary>
internal sealed class SizeQuery
{
    /// <summary>Width cap.</summary>
    [FromQuery(Name = "max_width")]
    [Description("Largest width in pixels; aspect is kept.")]
    public string? MaxWidth { get; set; }

    /// <summary>Height cap.</summary>
    [FromQuery(Name = "max_height")]
    [Description("Largest height in pixels; aspect is kept.")]
    public string? MaxHeight { get; set; }

    public (int? Width, int? Height) Parse(int? fallback) =>
        (QueryValue.Int("max_width", MaxWidth, 1) ?? fallback, QueryValue.Int("max_height", MaxHeight, 1) ?? fallback);
}
