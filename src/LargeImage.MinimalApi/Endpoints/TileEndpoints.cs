using System.ComponentModel;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Diagnostics;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>The <c>tiles/…</c> routes.</summary>
internal static class TileEndpoints
{
    public static RouteGroupBuilder MapTileEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("tiles/metadata", GetTilesMetadata)
            .WithName("LargeImage.GetTilesMetadata")
            .WithSummary("Tile grid")
            .WithDescription("Levels, full-resolution size, tile size and frame count of the grid the image is opened in.");
        group.MapGet("tiles/{z:int}/{x:int}/{y:int}.{fmt}", GetTile)
            .WithName("LargeImage.GetTile")
            .WithSummary("A tile")
            .WithDescription("Tile (z, x, y) of the opened grid; z = 0 is the lowest resolution. fmt: png, jpeg/jpg, webp, tif/tiff.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png", "image/jpeg", "image/webp", "image/tiff");
        group.MapGet("tiles/{z:int}/{x:int}/{y:int}/corners", GetTileCorners)
            .WithName("LargeImage.GetTileCorners")
            .WithSummary("Tile corners")
            .WithDescription("The extent of tile (z, x, y) in the opened grid's units: pixels, or projected units.");
        return group;
    }

    private static async Task<Results<Ok<TilesMetadata>, NotModifiedHttpResult>> GetTilesMetadata(
        HttpContext http, [AsParameters] CommonQuery query, ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(http, provider, await provider.ResolveAsync(http, query), "tiles/metadata", DescribeGrid);

    private static TilesMetadata DescribeGrid(OpenedImage image)
    {
        var metadata = image.Source.Metadata;
        return new TilesMetadata
        {
            Levels = metadata.Levels,
            SizeX = metadata.SizeX,
            SizeY = metadata.SizeY,
            TileSize = metadata.TileWidth,
            Geospatial = metadata.Geospatial,
            Frames = image.Source.FrameCount,
            AdditionalMetadata = new Dictionary<string, object?>
            {
                ["projection"] = image.Projection,
                ["dtype"] = metadata.DType,
                ["bandCount"] = metadata.BandCount,
                ["tileWidth"] = metadata.TileWidth,
                ["tileHeight"] = metadata.TileHeight,
            },
        };
    }

    private static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetTile(
        [Description("Zoom level, 0 = lowest resolution.")] int z,
        [Description("Tile column.")] int x,
        [Description("Tile row.")] int y,
        [Description("Image format: png, jpeg, jpg, webp, tif or tiff.")] string fmt,
        [AsParameters] CommonQuery query,
        [AsParameters] EncodeQuery encode,
        [AsParameters] StyleQuery styleQuery,
        HttpContext http,
        ImageSourceProvider provider,
        ImageRenderer renderer,
        RenderedCache cache,
        IOptions<LargeImageOptions> options)
    {
        var format = OutputFormat.Parse(fmt);
        var quality = encode.ParseQuality();
        var style = styleQuery.Parse();
        var resampling = encode.Resampling?.Trim().ToLowerInvariant();
        var request = await provider.ResolveAsync(http, query);
        // Without a style or a quality asked for, a stored JPEG tile that is exactly this one is sent as stored; its key
        // has no quality, so it never answers a request that asked for one. Stored tiles are in a file's own grid: a
        // projected tile, or one of a reader asked for by name that sends none, is keyed on the quality it is encoded at.
        var asStored = format == OutputFormat.Jpeg && style is null && encode.Quality is null && request.Projection is null
            && (request.ForcedReader?.SendsStoredJpegTiles ?? true);
        var key = RenderKey.For(
            request, $"tile/{z}/{x}/{y}/{resampling}", style?.Canonical ?? string.Empty, format.Name, format.IsLossy && !asStored ? quality : 0);
        return await CachedResponse.GetAsync(http, provider, cache, request, key, format.ContentType, async (image, token) =>
        {
            if (asStored)
            {
                using (ServerTiming.Measure("read"))
                {
                    if (image.Source.ReadStoredJpegTile(z, x, y, image.Frame) is { } stored)
                    {
                        return stored;
                    }
                }
            }

            var resolved = await renderer.ResolveAsync(style, image, token);
            Raster raster;
            using (ServerTiming.Measure("read"))
            {
                raster = image.Source.ReadTile(z, x, y, new ReadOptions(image.Frame, resampling));
            }

            RgbaImage rendered;
            using (ServerTiming.Measure("render"))
            {
                rendered = ImageRenderer.Render(
                    raster, resolved, image, frame => image.Source.ReadTile(z, x, y, new ReadOptions(frame, resampling)));
            }

            if (image.Projection is not null && !options.Value.TransparentOutsideImage && rendered.IsFullyTransparent())
            {
                throw new TileOutOfRangeException($"Tile {z}/{x}/{y} does not touch the image.");
            }

            using (ServerTiming.Measure("encode"))
            {
                var encoded = ImageEncoder.Encode(rendered, format, quality);
                raster.Release();
                rendered.Release();
                return encoded;
            }
        });
    }

    private static async Task<Results<Ok<TileCorners>, NotModifiedHttpResult>> GetTileCorners(
        [Description("Zoom level, 0 = lowest resolution.")] int z,
        [Description("Tile column.")] int x,
        [Description("Tile row.")] int y,
        [AsParameters] CommonQuery query,
        HttpContext http,
        ImageSourceProvider provider) =>
        await CachedResponse.DescribeAsync(
            http, provider, await provider.ResolveAsync(http, query), $"tiles/corners/{z}/{x}/{y}", image => image.Source.GetTileCorners(z, x, y));
}
