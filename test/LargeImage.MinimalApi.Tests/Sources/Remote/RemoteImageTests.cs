using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Tests.Sources.Remote;

/// <summary>
/// Remote images end to end through the example app: a COG in a real S3-compatible server and behind a plain
/// HTTP server reads exactly like the same file on disk, costs few requests per tile, and a dead server is a
/// fast 503 that does not disturb local images.
/// </summary>
public sealed class RemoteImageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("largeimage-remote-").FullName;
    private readonly string bucket = $"cogs-{Guid.NewGuid():N}"[..20];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public async Task Cog_in_s3_is_described_and_tiled_exactly_like_the_local_file()
    {
        using var s3 = S3Server.Start(bucket);
        var cog = TestImages.MakeCog(folder);
        await s3.PutAsync(bucket, "imagery/remote.tif", await File.ReadAllBytesAsync(cog));
        using var app = App(s3);

        var local = await app.UploadAsync(cog);
        var remote = await RegisterAsync(app, $"s3://{bucket}/imagery/remote.tif");

        await AssertSameImageAsync(app, local, remote);
    }

    [SkippableFact]
    public async Task Svs_in_s3_is_read_through_the_local_checkout()
    {
        var svs = TestData.Path("libvips/CMU-1-Small-Region.svs");
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "slides/CMU-1-Small-Region.svs", await File.ReadAllBytesAsync(svs));
        using var app = App(s3);
        app.Settings["LargeImage:Remote:CheckoutFolder"] = Path.Combine(folder, "checkout");
        var readers = app.Services.GetRequiredService<TileSourceResolver>().Readers;
        Skip.If(
            !readers.Any(r => r.IsAvailable && !r.ReadsVsiPaths),
            "No reader that needs a local file (libvips, OpenSlide) is registered on this branch yet.");

        var local = await app.UploadAsync(svs);
        var remote = await RegisterAsync(app, $"s3://{bucket}/slides/CMU-1-Small-Region.svs");

        await AssertSameImageAsync(app, local, remote);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "checkout"), "*.data.svs"));
        Assert.Single(s3.Requests, r => r.StartsWith("GET", StringComparison.Ordinal) && r.Contains(" - ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Tile_from_a_warm_handle_costs_at_most_three_requests()
    {
        using var s3 = S3Server.Start(bucket);
        await s3.PutAsync(bucket, "remote.tif", await File.ReadAllBytesAsync(TestImages.MakeCog(folder)));
        using var app = App(s3);
        var remote = await RegisterAsync(app, $"s3://{bucket}/remote.tif");
        var client = app.CreateClient();
        (await client.GetAsync($"/api/image-file/{remote}/tiles/2/0/0.png")).EnsureSuccessStatusCode();

        s3.Requests.Clear();
        (await client.GetAsync($"/api/image-file/{remote}/tiles/2/3/3.png")).EnsureSuccessStatusCode();

        Assert.True(s3.Requests.Count <= 3, $"{s3.Requests.Count} requests: {string.Join(" | ", s3.Requests)}");
    }

    [SkippableFact]
    public async Task Vsicurl_and_https_references_read_like_the_local_file()
    {
        var cog = TestImages.MakeCog(folder, "served.tif");
        await using var web = await LocalHttpServer.StartAsync(folder);
        using var app = new ExampleAppFactory();
        app.Settings["LargeImage:Remote:AllowedHosts:0"] = web.Authority;

        var local = await app.UploadAsync(cog);
        var viaUrl = await RegisterAsync(app, $"{web.Url}/served.tif");
        var viaVsi = await RegisterAsync(app, $"/vsicurl/{web.Url}/served.tif");

        await AssertSameImageAsync(app, local, viaUrl);
        await AssertSameImageAsync(app, local, viaVsi);
        Assert.Contains(web.Requests, r => r.Contains("bytes=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Buckets_with_different_credentials_work_side_by_side()
    {
        var other = $"other-{Guid.NewGuid():N}"[..20];
        var wrong = $"wrong-{Guid.NewGuid():N}"[..20];
        using var s3 = S3Server.Start(bucket, other, wrong);
        var bytes = await File.ReadAllBytesAsync(TestImages.MakeCog(folder));
        foreach (var name in new[] { bucket, other, wrong })
        {
            await s3.PutAsync(name, "remote.tif", bytes);
        }

        using var app = App(s3);
        app.Settings[$"LargeImage:Remote:S3Buckets:{other}:Endpoint"] = s3.Endpoint;
        app.Settings[$"LargeImage:Remote:S3Buckets:{other}:PathStyle"] = "true";
        app.Settings[$"LargeImage:Remote:S3Buckets:{other}:AccessKeyId"] = S3Server.OtherAccessKey;
        app.Settings[$"LargeImage:Remote:S3Buckets:{other}:SecretAccessKey"] = S3Server.OtherSecretKey;
        app.Settings[$"LargeImage:Remote:S3Buckets:{wrong}:Endpoint"] = s3.Endpoint;
        app.Settings[$"LargeImage:Remote:S3Buckets:{wrong}:PathStyle"] = "true";
        app.Settings[$"LargeImage:Remote:S3Buckets:{wrong}:AccessKeyId"] = "UNKNOWNKEY";
        app.Settings[$"LargeImage:Remote:S3Buckets:{wrong}:SecretAccessKey"] = "UNKNOWNSECRET";

        var first = await RegisterAsync(app, $"s3://{bucket}/remote.tif");
        var second = await RegisterAsync(app, $"s3://{other}/remote.tif");
        await AssertSameImageAsync(app, first, second);
        using var refused = await PostUrlAsync(app, $"s3://{wrong}/remote.tif");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var reads = s3.Requests.Where(r => !r.StartsWith("PUT", StringComparison.Ordinal)).ToList();
        Assert.All(reads.Where(r => r.Contains($"/{bucket}/", StringComparison.Ordinal)), r => Assert.EndsWith(S3Server.AccessKey, r));
        Assert.All(reads.Where(r => r.Contains($"/{other}/", StringComparison.Ordinal)), r => Assert.EndsWith(S3Server.OtherAccessKey, r));
        Assert.Contains(reads, r => r.Contains($"/{other}/", StringComparison.Ordinal) && r.StartsWith("GET", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Stopped_s3_server_is_a_fast_503_and_local_images_keep_working()
    {
        var s3 = S3Server.Start(bucket);
        var cog = TestImages.MakeCog(folder);
        await s3.PutAsync(bucket, "remote.tif", await File.ReadAllBytesAsync(cog));
        using var app = App(s3);
        app.Settings["LargeImage:Remote:ValidatorSeconds"] = "0";
        var local = await app.UploadAsync(cog);
        var remote = await RegisterAsync(app, $"s3://{bucket}/remote.tif");
        var client = app.CreateClient();

        s3.Dispose();
        var watch = Stopwatch.StartNew();
        using var failed = await client.GetAsync($"/api/image-file/{remote}/tiles/1/1/1.png");
        watch.Stop();

        var problem = await ProblemResponseTests.AssertProblem(failed, HttpStatusCode.ServiceUnavailable);
        Assert.Contains($"s3://{bucket}/remote.tif", problem.GetProperty("detail").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        (await client.GetAsync($"/api/image-file/{local}/tiles/1/1/1.png")).EnsureSuccessStatusCode();
    }

    [SkippableFact]
    public async Task Stopped_s3_server_behind_a_warm_reader_is_a_503_not_an_unreadable_file()
    {
        var s3 = S3Server.Start(bucket);
        var cog = TestImages.MakeCog(folder);
        await s3.PutAsync(bucket, "warm.tif", await File.ReadAllBytesAsync(cog));
        using var app = App(s3);
        var remote = await RegisterAsync(app, $"s3://{bucket}/warm.tif");
        var client = app.CreateClient();
        (await client.GetAsync($"/api/image-file/{remote}/tiles/0/0/0.png")).EnsureSuccessStatusCode();

        s3.Dispose();
        using var failed = await client.GetAsync($"/api/image-file/{remote}/tiles/1/1/1.png");

        await ProblemResponseTests.AssertProblem(failed, HttpStatusCode.ServiceUnavailable);
    }

    [SkippableFact]
    public async Task Url_parameter_group_reads_allowed_references_only()
    {
        var cog = TestImages.MakeCog(folder, "served.tif");
        await using var web = await LocalHttpServer.StartAsync(folder);
        using var app = new ExampleAppFactory();
        app.Settings["LargeImage:Remote:AllowedHosts:0"] = web.Authority;
        var client = app.CreateClient();
        var local = await app.UploadAsync(cog);
        var url = Uri.EscapeDataString($"{web.Url}/served.tif");

        var viaParameter = await client.GetByteArrayAsync($"/api/large-image/url/tiles/1/1/1.png?url={url}");
        var fromDisk = await client.GetByteArrayAsync($"/api/image-file/{local}/tiles/1/1/1.png");
        using var localPath = await client.GetAsync("/api/large-image/url/info/metadata?url=served.tif");
        using var otherHost = await client.GetAsync("/api/large-image/url/info/metadata?url=http%3A%2F%2F169.254.169.254%2Fx.tif");

        Assert.Equal(fromDisk, viaParameter);
        await ProblemResponseTests.AssertProblem(localPath, HttpStatusCode.Forbidden);
        await ProblemResponseTests.AssertProblem(otherHost, HttpStatusCode.Forbidden);
    }

    private ExampleAppFactory App(S3Server s3)
    {
        var app = new ExampleAppFactory();
        app.Settings[$"LargeImage:Remote:S3Buckets:{bucket}:Endpoint"] = s3.Endpoint;
        app.Settings[$"LargeImage:Remote:S3Buckets:{bucket}:PathStyle"] = "true";
        app.Settings[$"LargeImage:Remote:S3Buckets:{bucket}:AccessKeyId"] = S3Server.AccessKey;
        app.Settings[$"LargeImage:Remote:S3Buckets:{bucket}:SecretAccessKey"] = S3Server.SecretKey;
        app.Settings["LargeImage:Remote:ConnectTimeoutSeconds"] = "1";
        return app;
    }

    internal static async Task<HttpResponseMessage> PostUrlAsync(ExampleAppFactory app, string url)
    {
        using var content = new MultipartFormDataContent { { new StringContent(url), "url" } };
        return await app.CreateClient().PostAsync("/api/image-file", content);
    }

    internal static async Task<int> RegisterAsync(ExampleAppFactory app, string url)
    {
        using var response = await PostUrlAsync(app, url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Registering {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    private static async Task AssertSameImageAsync(ExampleAppFactory app, int expected, int actual)
    {
        var client = app.CreateClient();
        var expectedMetadata = await app.GetJsonAsync($"/api/image-file/{expected}/info/metadata");
        var actualMetadata = await app.GetJsonAsync($"/api/image-file/{actual}/info/metadata");
        Assert.Equal(expectedMetadata.GetRawText(), actualMetadata.GetRawText());
        var levels = expectedMetadata.GetProperty("levels").GetInt32();
        for (var z = 0; z < levels; z++)
        {
            var tiles = 1 << z;
            for (var x = 0; x < Math.Min(tiles, 4); x += Math.Max(1, tiles / 2))
            {
                var path = $"tiles/{z}/{x}/{x}.png";
                Assert.Equal(
                    await client.GetByteArrayAsync($"/api/image-file/{expected}/{path}"),
                    await client.GetByteArrayAsync($"/api/image-file/{actual}/{path}"));
            }
        }
    }
}
