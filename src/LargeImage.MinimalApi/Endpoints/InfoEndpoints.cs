using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>The <c>info/…</c> routes: what an image is.</summary>
internal static class InfoEndpoints
{
    public static RouteGroupBuilder MapInfoEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("info/metadata", GetMetadata)
            .WithName("LargeImage.GetMetadata")
            .WithSummary("Image metadata")
            .WithDescription("large_image metadata: levels, size, tile size, magnification, mm_x/mm_y, dtype, bands, frames and, for geospatial images, bounds and projection.");
        group.MapGet("info/metadata_internal", GetInternalMetadata)
            .WithName("LargeImage.GetInternalMetadata")
            .WithSummary("Reader-specific metadata")
            .WithDescription("What the reader knows beyond large_image's fields: GDAL driver, geotransform, WKT and metadata domains; TIFF tags; OpenSlide properties.");
        group.MapGet("info/bands", GetBands)
            .WithName("LargeImage.GetBands")
            .WithSummary("All bands")
            .WithDescription("Per band, keyed by 1-based band number: interpretation, min, max, mean, stdev, nodata, scale, offset, colour table.");
        group.MapGet("info/band", GetBand)
            .WithName("LargeImage.GetBand")
            .WithSummary("One band")
            .WithDescription("The description and statistics of one band.");
        group.MapGet("info/frames", GetFrames)
            .WithName("LargeImage.GetFrames")
            .WithSummary("Frames")
            .WithDescription("Every frame of the image with its axis indices (C, Z, T) and bands; a single-frame image has one.");
        group.MapGet("info/associated", GetAssociatedImages)
            .WithName("LargeImage.GetAssociatedImages")
            .WithSummary("Associated images")
            .WithDescription("Names of the associated images of a slide (label, macro, thumbnail, …).");
        return group;
    }

    private static async Task<Results<Ok<ImageMetadata>, NotModifiedHttpResult>> GetMetadata(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "info/metadata", image => image.Source.Metadata);

    private static async Task<Results<Ok<JsonObject>, NotModifiedHttpResult>> GetInternalMetadata(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "info/metadata_internal",
            image => InternalMetadataRedaction.Redact(image.Source.GetInternalMetadata(), image.File.Path));

    private static async Task<Results<Ok<Dictionary<string, BandInfo>>, NotModifiedHttpResult>> GetBands(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "info/bands", image => KeyByBand(image.Source.GetBands(image.Frame)));

    private static async Task<Results<Ok<BandInfo>, NotModifiedHttpResult>> GetBand(
        HttpContext http,
        [AsParameters] CommonQuery query,
        [FromQuery(Name = "band")][Description("1-based band number. Required.")] string? band,
        ImageSourceProvider provider)
    {
        var request = await provider.ResolveAsync(http, query);
        var requested = QueryValue.Int("band", band, 1) ?? throw new InvalidParameterException("band", "'band' is required.");
        return await CachedResponse.DescribeAsync(http, provider, request, FormattableString.Invariant($"info/band/{requested}"), image =>
        {
            var bands = image.Source.GetBands(image.Frame);
            return bands[QueryValue.Int("band", band, 1, bands.Count)!.Value - 1];
        });
    }

    private static async Task<Results<Ok<FramesInfo>, NotModifiedHttpResult>> GetFrames(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "info/frames", DescribeFrames);

    private static async Task<Results<Ok<IReadOnlyList<string>>, NotModifiedHttpResult>> GetAssociatedImages(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "info/associated", image => image.Source.AssociatedImageNames);

    private static FramesInfo DescribeFrames(OpenedImage image)
    {
        var source = image.Source;
        var metadata = source.Metadata;
        var frames = metadata.Frames is { Count: > 0 } listed
            ? listed.Select(f => f with { Bands = KeyByBand(source.GetBands(f.Frame)) }).ToArray()
            : [new FrameInfo { Frame = 0, Bands = KeyByBand(source.GetBands(0)) }];
        return new FramesInfo
        {
            Frames = frames,
            IndexRange = metadata.IndexRange,
            IndexStride = metadata.IndexStride,
            Channels = metadata.Channels,
        };
    }

    private static Dictionary<string, BandInfo> KeyByBand(IReadOnlyList<BandInfo> bands) =>
        bands.Select((b, i) => (Key: (i + 1).ToString(CultureInfo.InvariantCulture), Band: b)).ToDictionary(p => p.Key, p => p.Band);
}
