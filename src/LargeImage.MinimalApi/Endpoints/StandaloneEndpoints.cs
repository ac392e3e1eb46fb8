using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>Routes that describe the server rather than an image.</summary>
internal static class StandaloneEndpoints
{
    public static RouteGroupBuilder MapStandaloneEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("sources", GetSources)
            .WithName("LargeImage.GetSources")
            .WithSummary("Readers")
            .WithDescription("Every reader, its native library version and whether it is available on this server.");
        group.MapGet("formats", GetFormats)
            .WithName("LargeImage.GetFormats")
            .WithSummary("Output formats")
            .WithDescription("Accepted image format extensions and their MIME types.");
        return group;
    }

    private static Ok<SourceDescription[]> GetSources(TileSourceResolver resolver) =>
        TypedResults.Ok(resolver.Readers.Select(r => new SourceDescription(r.Name, r.IsAvailable, r.Version)).ToArray());

    private static Ok<Dictionary<string, string>> GetFormats() =>
        TypedResults.Ok(OutputFormat.ByExtension.ToDictionary(p => p.Key, p => p.Value.ContentType));
}
