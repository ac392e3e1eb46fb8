using System.ComponentModel;
using System.Globalization;
using LargeImage.MinimalApi.Caching;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Rendering.Regions;
using LargeImage.MinimalApi.Rendering.Styles;
using LargeImage.MinimalApi.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LargeImage.MinimalApi.Endpoints;

/// <summary>The <c>data/…</c> routes: thumbnails, regions, pixels, histograms and associated images.</summary>
internal static class DataEndpoints
{
    private const string JsonContentType = "application/json";

    public static RouteGroupBuilder MapDataEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("data/thumbnail.{fmt}", GetThumbnail)
            .WithName("LargeImage.GetThumbnail")
            .WithSummary("Thumbnail")
            .WithDescription("The whole image within max_width x max_height (default 256), aspect kept. A georeferenced image opened with a projection shows its own footprint, transparent outside its data. Style parameters apply.");
        group.MapGet("data/region.{fmt}", GetRegion)
            .WithName("LargeImage.GetRegion")
            .WithSummary("Region")
            .WithDescription("A region given by left, top, right, bottom in units. tif of a georeferenced image is a Cloud Optimized GeoTIFF of the raw values (dtype, bands, nodata and georeferencing kept), or RGBA when styled; other formats are plain images. 413 over the output pixel limit; 400 when the region misses the image.");
        group.MapGet("data/pixel", GetPixel)
            .WithName("LargeImage.GetPixel")
            .WithSummary("Pixel")
            .WithDescription("One pixel: its rendered colour as value and r, g, b, a and, for georeferenced images, the raw value of every band as bands. {} off the image.");
        group.MapGet("data/histogram", GetHistogram)
            .WithName("LargeImage.GetHistogram")
            .WithSummary("Histogram")
            .WithDescription("Per band min, max, mean, stdev, samples, hist, bin_edges, range, bins and density, computed on a bounded-size read of the frame, leaving out no-data and masked pixels.")
            .Produces<BandHistogram[]>(StatusCodes.Status200OK, JsonContentType);
        group.MapGet("data/associated/{name}.{fmt}", GetAssociatedImage)
            .WithName("LargeImage.GetAssociatedImage")
            .WithSummary("Associated image")
            .WithDescription("An associated image of a slide (label, macro, thumbnail, …) within max_width x max_height, aspect kept.");
        return group;
    }

    private static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetThumbnail(
        [Description("Image format: png, jpeg, jpg, webp, tif or tiff.")] string fmt,
        [AsParameters] CommonQuery query,
        [AsParameters] EncodeQuery encode,
        [AsParameters] StyleQuery styleQuery,
        [AsParameters] SizeQuery size,
        HttpContext http,
        ImageSourceProvider provider,
        ImageRenderer renderer,
        RenderedCache cache,
        IOptions<LargeImageOptions> options)
    {
        var format = OutputFormat.Parse(fmt);
        var quality = encode.ParseQuality();
        var (maxWidth, maxHeight) = size.Parse(LargeImageDefaults.ThumbnailSize);
        var style = styleQuery.Parse();
        var request = await provider.ResolveAsync(http, query);
        var key = Key(request, $"thumbnail/{maxWidth}x{maxHeight}/{encode.Resampling}", style, format, quality);
        return await CachedResponse.GetAsync(http, provider, cache, request, key, format.ContentType, async (image, token) =>
        {
            var window = ThumbnailWindow(image);
            var (width, height) = RegionResolver.OutputSize(window, maxWidth, maxHeight, options.Value.MaxOutputPixels);
            var resolved = await renderer.ResolveAsync(style, image, token);
            return ImageEncoder.Encode(RenderWindow(image, window, width, height, resolved, encode.Resampling), format, quality);
        });
    }

    private static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetRegion(
        [Description("Image format: png, jpeg, jpg, webp, tif or tiff (a GeoTIFF for georeferenced images).")] string fmt,
        [AsParameters] CommonQuery query,
        [AsParameters] EncodeQuery encode,
        [AsParameters] StyleQuery styleQuery,
        [AsParameters] RegionQuery region,
        HttpContext http,
        ImageSourceProvider provider,
        ImageRenderer renderer,
        RenderedCache cache,
        IOptions<LargeImageOptions> options)
    {
        var format = OutputFormat.Parse(fmt);
        var quality = encode.ParseQuality();
        var style = styleQuery.Parse();
        var left = QueryValue.Double("left", region.Left);
        var top = QueryValue.Double("top", region.Top);
        var right = QueryValue.Double("right", region.Right);
        var bottom = QueryValue.Double("bottom", region.Bottom);
        var maxWidth = QueryValue.Int("max_width", region.MaxWidth, 1);
        var maxHeight = QueryValue.Int("max_height", region.MaxHeight, 1);
        var request = await provider.ResolveAsync(http, query);
        var key = Key(
            request,
            string.Create(CultureInfo.InvariantCulture, $"region/{region.Units?.Trim().ToLowerInvariant()}/{left:R},{top:R},{right:R},{bottom:R}/{maxWidth}x{maxHeight}/{encode.Resampling}"),
            style,
            format,
            quality);
        return await CachedResponse.GetAsync(http, provider, cache, request, key, format.ContentType, async (image, token) =>
        {
            var units = RegionUnits.Parse(region.Units, image.Source);
            var window = RegionResolver.Resolve(image.Source, units, left, top, right, bottom);
            var (width, height) = RegionResolver.OutputSize(window, maxWidth, maxHeight, options.Value.MaxOutputPixels);
            var resolved = await renderer.ResolveAsync(style, image, token);
            var geo = format == OutputFormat.Tiff && image.Source is IGeoreferencedSource { IsGeoreferenced: true } g && image.Source.Metadata.Geospatial ? g : null;
            if (geo is null)
            {
                return ImageEncoder.Encode(RenderWindow(image, window, width, height, resolved, encode.Resampling), format, quality);
            }

            var rendered = resolved is null ? null : RenderWindow(image, window, width, height, resolved, encode.Resampling);
            return GeoTiffExport.Write(geo, window, width, height, new ReadOptions(image.Frame, encode.Resampling), rendered);
        });
    }

    private static async Task<Results<Ok<PixelInfo>, NotModifiedHttpResult>> GetPixel(
        [AsParameters] CommonQuery query,
        [AsParameters] StyleQuery styleQuery,
        [AsParameters] PixelQuery pixel,
        HttpContext http,
        ImageSourceProvider provider,
        ImageRenderer renderer)
    {
        var left = QueryValue.Double("left", pixel.Left) ?? throw new InvalidParameterException("left", "'left' is required.");
        var top = QueryValue.Double("top", pixel.Top) ?? throw new InvalidParameterException("top", "'top' is required.");
        var style = styleQuery.Parse();
        var request = await provider.ResolveAsync(http, query);
        var key = RenderKey.For(
            request, string.Create(CultureInfo.InvariantCulture, $"pixel/{pixel.Units?.Trim().ToLowerInvariant()}/{left:R},{top:R}"), style?.Canonical ?? string.Empty);
        if (ConditionalRequest.IsNotModified(http, key.ETag))
        {
            return NotModifiedHttpResult.Instance;
        }

        using var image = await provider.OpenAsync(request);
        var source = image.Source;
        var units = RegionUnits.Parse(pixel.Units, source);
        var (px, py) = units.ToPixels([(left, top)])[0];
        var x = (long)Math.Floor(px);
        var y = (long)Math.Floor(py);
        var options = new ReadOptions(image.Frame);
        if (!double.IsFinite(px) || !double.IsFinite(py) || x < 0 || y < 0 || x >= source.Metadata.SizeX || y >= source.Metadata.SizeY
            || source.ReadPixel(x, y, options) is not { } raw)
        {
            return TypedResults.Ok(new PixelInfo());
        }

        var resolved = await renderer.ResolveAsync(style, image, http.RequestAborted);
        var rgba = RenderWindow(image, new PixelWindow(x, y, 1, 1), 1, 1, resolved, null).Pixels;
        var georeferenced = source is IGeoreferencedSource { IsGeoreferenced: true } && source.Metadata.Geospatial;
        return TypedResults.Ok(new PixelInfo
        {
            Value = [rgba[0], rgba[1], rgba[2], rgba[3]],
            R = rgba[0],
            G = rgba[1],
            B = rgba[2],
            A = rgba[3],
            Bands = georeferenced
                ? raw.Select((v, i) => (Key: (i + 1).ToString(CultureInfo.InvariantCulture), Value: v)).ToDictionary(p => p.Key, p => p.Value)
                : null,
        });
    }

    private static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetHistogram(
        [AsParameters] CommonQuery query,
        [AsParameters] HistogramQuery histogram,
        HttpContext http,
        ImageSourceProvider provider,
        HistogramService histograms)
    {
        var parsed = histogram.Parse();
        var request = await provider.ResolveAsync(http, query);
        if (ConditionalRequest.IsNotModified(http, RenderKey.For(request, $"histogram/{parsed.Canonical}").ETag))
        {
            return NotModifiedHttpResult.Instance;
        }

        using var image = await provider.OpenAsync(request);
        var bytes = await histograms.GetJsonAsync(image, image.Frame, parsed, http.RequestAborted);
        return TypedResults.File(bytes, JsonContentType);
    }

    private static async Task<Results<FileContentHttpResult, NotModifiedHttpResult>> GetAssociatedImage(
        [Description("Associated image name, as listed by info/associated.")] string name,
        [Description("Image format: png, jpeg, jpg, webp, tif or tiff.")] string fmt,
        [AsParameters] CommonQuery query,
        [AsParameters] EncodeQuery encode,
        [AsParameters] SizeQuery size,
        HttpContext http,
        ImageSourceProvider provider,
        RenderedCache cache)
    {
        var format = OutputFormat.Parse(fmt);
        var quality = encode.ParseQuality();
        var (maxWidth, maxHeight) = size.Parse(null);
        var request = await provider.ResolveAsync(http, query);
        var key = Key(request, $"associated/{name}/{maxWidth}x{maxHeight}", null, format, quality);
        return await CachedResponse.GetAsync(http, provider, cache, request, key, format.ContentType, (image, _) =>
        {
            var rendered = DefaultRenderer.Render(image.Source.ReadAssociatedImage(name), []);
            return Task.FromResult(ImageEncoder.Encode(ImageResizer.FitWithin(rendered, maxWidth, maxHeight), format, quality));
        });
    }

    private static PixelWindow ThumbnailWindow(OpenedImage image)
    {
        var metadata = image.Source.Metadata;
        var whole = new PixelWindow(0, 0, metadata.SizeX, metadata.SizeY);
        if (image.Projection is null || metadata.Bounds is not { } bounds || image.Source is not IGeoreferencedSource { IsGeoreferenced: true })
        {
            return whole;
        }

        // A projected grid spans the world; a thumbnail of it shows the image's own footprint.
        var units = RegionUnits.Parse("EPSG:4326", image.Source);
        return RegionResolver.Resolve(image.Source, units, bounds.XMin, bounds.YMax, bounds.XMax, bounds.YMin);
    }

    private static RgbaImage RenderWindow(
        OpenedImage image, PixelWindow window, int width, int height, IReadOnlyList<ResolvedStyleBand>? style, string? resampling)
    {
        var raster = image.Source.ReadRegion(window, width, height, new ReadOptions(image.Frame, resampling));
        return ImageRenderer.Render(
            raster, style, image, frame => image.Source.ReadRegion(window, width, height, new ReadOptions(frame, resampling)));
    }

    private static RenderKey Key(ImageRequest request, string operation, ImageStyle? style, OutputFormat format, int quality) =>
        RenderKey.For(request, operation, style?.Canonical ?? string.Empty, format.Name, format.IsLossy ? quality : 0);

    private static string Describe(PixelWindow window) =>
        string.Create(CultureInfo.InvariantCulture, $"{window.Left:R},{window.Top:R},{window.Width:R},{window.Height:R}");
}
