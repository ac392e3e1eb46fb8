using System.ComponentModel;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Rendering.Colormaps;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Routes that describe the server rather than an image.</summary>
internal static class StandaloneEndpoints
{
    private const int MaxLegendSize = 4096;
    private const int DefaultLegendWidth = 256;
    private const int DefaultLegendHeight = 16;

    public static RouteGroupBuilder MapStandaloneEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("sources", GetSources)
            .WithName("LargeImage.GetSources")
            .WithSummary("Readers")
            .WithDescription("Every reader, its native library version and whether it is available on this server.");
        group.MapGet("colormaps", GetColormaps)
            .WithName("LargeImage.GetColormaps")
            .WithSummary("Colormap names")
            .WithDescription("Every named colormap accepted by palette/cmap, reversals (_r) included.");
        group.MapGet("colormaps/{name}.png", GetColormapLegend)
            .WithName("LargeImage.GetColormapLegend")
            .WithSummary("Colormap legend")
            .WithDescription("A PNG strip of the colormap: low to high left to right, or bottom to top when taller than wide.");
        group.MapGet("formats", GetFormats)
            .WithName("LargeImage.GetFormats")
            .WithSummary("Output formats")
            .WithDescription("Accepted image format extensions and their MIME types.");
        return group;
    }

    private static Ok<SourceDescription[]> GetSources(TileSourceResolver resolver) =>
        TypedResults.Ok(resolver.Readers.Select(r => new SourceDescription(r.Name, r.IsAvailable, r.Version)).ToArray());

    private static Ok<IReadOnlyList<string>> GetColormaps() => TypedResults.Ok(ColormapRegistry.Names);

    private static FileContentHttpResult GetColormapLegend(
        [Description("Colormap name, e.g. viridis or RdBu_r.")] string name,
        [FromQuery(Name = "width")][Description("Width in pixels, 1-4096. Default 256.")] string? width,
        [FromQuery(Name = "height")][Description("Height in pixels, 1-4096. Default 16.")] string? height)
    {
        var w = QueryValue.Int("width", width, 1, MaxLegendSize) ?? DefaultLegendWidth;
        var h = QueryValue.Int("height", height, 1, MaxLegendSize) ?? DefaultLegendHeight;
        if (!ColormapRegistry.TryGet(name, out var colormap))
        {
            throw new InvalidParameterException(
                "name", $"Unknown colormap '{name}'. Valid colormaps: {string.Join(", ", ColormapRegistry.Names)}.");
        }

        return TypedResults.File(ImageEncoder.Encode(ColormapLegend.Render(colormap, w, h), OutputFormat.Png, 0), OutputFormat.Png.ContentType);
    }

    private static Ok<Dictionary<string, string>> GetFormats() =>
        TypedResults.Ok(OutputFormat.ByExtension.ToDictionary(p => p.Key, p => p.Value.ContentType));
}
