using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>
/// What runs around every handler, on a host of its own that maps a group of files by name with its own caching:
/// cache headers on what may be cached, and none on a problem.
/// </summary>
public sealed class ResponsePipelineTests : IAsyncLifetime
{
    private const string CacheControl = "private, max-age=5";
    private const string Vary = "Authorization";

    private readonly TempDirectory media = new();
    private WebApplication host = null!;
    private HttpClient client = null!;
    private string image = null!;

    public async Task InitializeAsync()
    {
        image = Path.GetFileName(GradientImages.Plain(media.Path, 300, 200));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = media.Path });
        builder.WebHost.UseTestServer();
        builder.Services.AddLargeImage(options => options.MediaRoot = media.Path);
        host = builder.Build();
        host.MapLargeImage();
        host.MapLargeImage<string>(host.MapGroup("/files/{fileName}"), context => ValueTask.FromResult(context.GetRouteValue("fileName") as string), name => name)
            .WithLargeImageCacheControl(CacheControl, Vary);
        await host.StartAsync();
        client = host.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        media.Dispose();
    }

    [Fact]
    public async Task A_tile_and_its_304_carry_the_groups_own_cache_control_and_vary()
    {
        using var tile = await client.GetAsync($"/files/{image}/tiles/0/0/0.png");
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/files/{image}/tiles/0/0/0.png");
        request.Headers.IfNoneMatch.Add(tile.Headers.ETag!);
        using var revalidated = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        foreach (var response in new[] { tile, revalidated })
        {
            Assert.Equal(CacheControl, response.Headers.NonValidated["Cache-Control"].ToString());
            Assert.Equal([Vary], response.Headers.Vary);
            Assert.Equal(tile.Headers.ETag, response.Headers.ETag);
        }
    }

    /// <summary>Both fail in the render, after the handler stamped the ETag and caching.</summary>
    [Theory]
    [InlineData("tiles/9/0/0.png", HttpStatusCode.NotFound)]
    [InlineData("tiles/0/0/0.png?band=9", HttpStatusCode.BadRequest)]
    public async Task A_problem_carries_no_cache_headers(string route, HttpStatusCode status)
    {
        using var response = await client.GetAsync($"/files/{image}/{route}");

        await ProblemResponseTests.AssertProblem(response, status);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Headers.CacheControl);
        Assert.Empty(response.Headers.Vary);
    }
}
