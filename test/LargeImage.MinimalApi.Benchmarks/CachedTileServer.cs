using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetVips;

namespace LargeImage.MinimalApi.Benchmarks;

/// <summary>
/// One Kestrel server on loopback with the large-image endpoints over a generated PNG, and a route returning a
/// constant byte array of the same size as the tile: the ceiling any cached tile can reach on this machine.
/// </summary>
internal sealed class CachedTileServer : IAsyncDisposable
{
    public const string TilePath = "/images/1/tiles/0/0/0.png";
    public const string ConstantPath = "/constant.png";

    private readonly WebApplication app;
    private readonly string media;

    private CachedTileServer(WebApplication app, string media, Uri address)
    {
        this.app = app;
        this.media = media;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<CachedTileServer> StartAsync()
    {
        var media = Directory.CreateTempSubdirectory("largeimage-bench-").FullName;
        using (var image = Image.Xyz(1024, 1024))
        using (var bands = image.ExtractBand(0).Bandjoin(image.ExtractBand(1), image.ExtractBand(0)))
        using (var bytes = bands.Cast(Enums.BandFormat.Uchar))
        {
            bytes.WriteToFile(Path.Combine(media, "bench.png"));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddLargeImage(options => options.MediaRoot = media);
        var app = builder.Build();
        app.MapLargeImage<BenchImage>(
            app.MapGroup("/images/{id:int}"),
            _ => ValueTask.FromResult<BenchImage?>(BenchImage.Instance),
            image => image.File);

        byte[]? constant = null;
        app.MapGet(ConstantPath, () => TypedResults.File(constant!, "image/png"));
        await app.StartAsync();

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var server = new CachedTileServer(app, media, address);

        // The first request renders the tile; the constant is then a copy of it, so both send the same bytes.
        using var client = server.CreateClient();
        using var response = await client.GetAsync(TilePath);
        response.EnsureSuccessStatusCode();
        constant = await response.Content.ReadAsByteArrayAsync();
        return server;
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(media, recursive: true);
    }

    /// <summary>The host's record: always the same file.</summary>
    private sealed record BenchImage(string File)
    {
        public static readonly BenchImage Instance = new("bench.png");
    }
}
