using System.ComponentModel;
using LargeImage.MinimalApi.Options;
using Microsoft.AspNetCore.Mvc;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>How a rendered image is resampled and encoded.</summary>
internal sealed class EncodeQuery
{
    /// <summary>JPEG/WebP quality.</summary>
    [FromQuery(Name = "quality")]
    [Description("JPEG/WebP quality, 1-100. Default 90.")]
    public string? Quality { get; set; }

    /// <summary>Resampling for warped or scaled reads.</summary>
    [FromQuery(Name = "resampling")]
    [Description("Resampling of warped or scaled reads: nearest (default), bilinear, cubic, lanczos, average.")]
    public string? Resampling { get; set; }

    public int ParseQuality() => QueryValue.Int("quality", Quality, 1, 100) ?? LargeImageDefaults.Quality;
}
