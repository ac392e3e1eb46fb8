using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Caching;

/// <summary>Caching seen from HTTP, through the example app and the real readers, on images generated here.</summary>
public sealed class CachingEndpointTests : IDisposable
{
    private readonly ExampleAppFactory app = new();
    private readonly string images = Directory.CreateTempSubdirectory("largeimage-cache-").FullName;

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(images, recursive: true);
    }

    [Fact]
    public async Task Second_identical_tile_request_is_not_rendered_again()
    {
        using var metrics = Metrics(app);
        var id = await app.UploadAsync(Png("a.png", 512, 384, seed: 1));
        var client = app.CreateClient();

        using var first = await client.GetAsync($"/api/image-file/{id}/tiles/1/1/0.png");
        using var second = await client.GetAsync($"/api/image-file/{id}/tiles/1/1/0.png");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(1, metrics.Renders);
        Assert.Equal(1, metrics.Lookups("memory"));
    }

    [Fact]
    public async Task Concurrent_identical_cold_tile_requests_render_once()
    {
        using var metrics = Metrics(app);
        var id = await app.UploadAsync(Png("big.png", 1024, 1024, seed: 2));
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => client.GetAsync($"/api/image-file/{id}/tiles/2/1/1.webp")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(1, metrics.Renders);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Current_etag_gets_304_with_no_body_and_no_render()
    {
        using var metrics = Metrics(app);
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 3));
        var client = app.CreateClient();
        using var tile = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.png");
        var etag = tile.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/image-file/{id}/tiles/0/0/0.png");
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        Assert.Equal(1, metrics.Renders);
        Assert.Equal(1, metrics.Lookups("miss"));
        Assert.Equal(0, metrics.Lookups("memory"));
    }

    [Fact]
    public async Task A_304_needs_neither_a_render_nor_an_open_reader()
    {
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 4));
        using var tile = await app.CreateClient().GetAsync($"/api/image-file/{id}/tiles/0/0/0.png");
        using var metadata = await app.CreateClient().GetAsync($"/api/image-file/{id}/info/metadata");

        // A second instance over the same files has opened nothing when the client's copies arrive.
        using var other = new ExampleAppFactory();
        other.Settings["Example:DataDirectory"] = app.DataDirectory;
        using var metrics = Metrics(other);
        var client = other.CreateClient();
        foreach (var (url, etag) in new[] { ($"/api/image-file/{id}/tiles/0/0/0.png", tile.Headers.ETag!), ($"/api/image-file/{id}/info/metadata", metadata.Headers.ETag!) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
            request.Headers.IfNoneMatch.Add(etag);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        }

        Assert.Equal(0, metrics.Renders);
        Assert.Equal(0, metrics.OpenReaders);
    }

    [Theory]
    [InlineData("data/thumbnail.png?max_width=64", "data/thumbnail.png?max_width=65")]
    [InlineData("data/region.jpeg?left=10&top=10&right=90&bottom=60&units=pixels", "data/region.jpeg?left=10&top=10&right=90&bottom=61&units=pixels")]
    [InlineData("data/pixel?left=20&top=30&band=1&palette=viridis", "data/pixel?left=20&top=30&band=1&palette=plasma")]
    [InlineData("data/histogram?bins=16", "data/histogram?bins=17")]
    public async Task Data_endpoints_answer_their_current_etag_with_304_without_rendering_again(string route, string other)
    {
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 6));
        var client = app.CreateClient();
        using var first = await client.GetAsync($"/api/image-file/{id}/{route}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        using var metrics = Metrics(app);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/image-file/{id}/{route}");
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, metrics.Renders);
        using var changed = await client.GetAsync($"/api/image-file/{id}/{other}");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Json_responses_carry_an_etag_and_cache_control()
    {
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 5));
        var client = app.CreateClient();

        foreach (var route in new[] { "info/metadata", "info/bands", "info/frames", "tiles/metadata", "tiles/0/0/0/corners" })
        {
            using var response = await client.GetAsync($"/api/image-file/{id}/{route}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.ETag!.IsWeak, route);
            Assert.Equal("public, max-age=86400", response.Headers.CacheControl?.ToString());
        }

        using var metadata = await client.GetAsync($"/api/image-file/{id}/info/metadata");
        using var bands = await client.GetAsync($"/api/image-file/{id}/info/bands");
        using var explicitFrame = await client.GetAsync($"/api/image-file/{id}/info/metadata?frame=0");
        Assert.NotEqual(metadata.Headers.ETag, bands.Headers.ETag);
        Assert.Equal(metadata.Headers.ETag, explicitFrame.Headers.ETag);
    }

    [Fact]
    public async Task Errors_carry_no_validators()
    {
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 6));

        using var response = await app.CreateClient().GetAsync($"/api/image-file/{id}/tiles/9/0/0.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Headers.CacheControl);
    }

    [Fact]
    public async Task Changing_the_file_on_disk_changes_its_etag_and_its_tiles()
    {
        using var metrics = Metrics(app);
        var id = await app.UploadAsync(Png("a.png", 256, 256, seed: 7));
        var client = app.CreateClient();
        var url = $"/api/image-file/{id}/tiles/0/0/0.png";
        using var before = await client.GetAsync(url);

        var stored = Directory.GetFiles(app.MediaDirectory).Single();
        File.Copy(Png("b.png", 256, 256, seed: 8), stored, overwrite: true);
        File.SetLastWriteTimeUtc(stored, DateTime.UtcNow.AddMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.NotEqual(await before.Content.ReadAsByteArrayAsync(), await after.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, metrics.Renders);
        Assert.Equal(1, metrics.OpenReaders);
    }

    [Fact]
    public async Task Cache_control_and_server_timing_follow_the_options()
    {
        app.Settings["LargeImage:Cache:CacheControl"] = "private, max-age=60";
        app.Settings["LargeImage:ServerTiming"] = "true";
        var id = await app.UploadAsync(Png("a.png", 300, 200, seed: 9));
        var client = app.CreateClient();

        using var cold = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.jpeg");
        using var warm = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.jpeg");

        Assert.True(cold.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(60), cold.Headers.CacheControl.MaxAge);
        var timing = string.Join(", ", cold.Headers.GetValues("Server-Timing"));
        foreach (var phase in new[] { "open;dur=", "read;dur=", "render;dur=", "encode;dur=", "cache;desc=\"miss\"" })
        {
            Assert.Contains(phase, timing);
        }

        Assert.Equal("cache;desc=\"memory\"", string.Join(", ", warm.Headers.GetValues("Server-Timing")));
    }

    [SkippableFact]
    public async Task Instances_share_tiles_through_redis_and_keep_serving_when_it_stops()
    {
        Skip.IfNot(RedisServer.IsInstalled, RedisServer.MissingReason);
        using var redis = await RedisServer.StartAsync();
        app.Settings["LargeImage:Cache:Redis"] = redis.Configuration;
        app.Settings["LargeImage:Cache:RedisTimeout"] = RedisServer.PatientTimeout;
        using var other = new ExampleAppFactory();
        other.Settings["Example:DataDirectory"] = app.DataDirectory;
        other.Settings["LargeImage:Cache:Redis"] = redis.Configuration;
        other.Settings["LargeImage:Cache:RedisTimeout"] = RedisServer.PatientTimeout;
        using var metricsA = Metrics(app);
        using var metricsB = Metrics(other);
        var id = await app.UploadAsync(Png("a.png", 1024, 768, seed: 10));
        var a = app.CreateClient();
        var b = other.CreateClient();

        using var fromA = await a.GetAsync($"/api/image-file/{id}/tiles/2/1/1.png");
        using var fromB = await b.GetAsync($"/api/image-file/{id}/tiles/2/1/1.png");

        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        Assert.Equal(await fromA.Content.ReadAsByteArrayAsync(), await fromB.Content.ReadAsByteArrayAsync());
        Assert.Equal(fromA.Headers.ETag, fromB.Headers.ETag);
        Assert.Equal(1, metricsA.Renders);
        Assert.Equal(0, metricsB.Renders);
        Assert.Equal(1, metricsB.Lookups("distributed"));

        redis.Stop();
        foreach (var (x, y) in new[] { (0, 0), (1, 1), (2, 1), (0, 0) })
        {
            foreach (var client in new[] { a, b })
            {
                using var response = await client.GetAsync($"/api/image-file/{id}/tiles/2/{x}/{y}.png");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    private static MetricsRecorder Metrics(ExampleAppFactory factory) => new(factory.Services.GetRequiredService<IMeterFactory>());

    /// <summary>A PNG with a seed-dependent pattern, so two seeds give different pixels at the same size.</summary>
    private string Png(string name, int width, int height, int seed)
    {
        var path = Path.Combine(images, name);
        using var xyz = Image.Xyz(width, height);
        using var x = xyz.ExtractBand(0);
        using var y = xyz.ExtractBand(1);
        using var red = (x * seed) % 256;
        using var green = (y * 3) % 256;
        using var blue = (x + y + (seed * 40)) % 256;
        using var rgb = red.Bandjoin(green, blue);
        using var bytes = rgb.Cast(Enums.BandFormat.Uchar);
        bytes.WriteToFile(path);
        return path;
    }
}
