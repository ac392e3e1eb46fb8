using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>
/// One seeded example app on a real Kestrel socket (a browser cannot reach the in-memory test server) and one
/// headless Debian Chromium, shared by the browser tests. Playwright never downloads a browser here: it drives
/// the system's <c>/usr/bin/chromium</c>, and the tests skip when that is absent.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ExampleAppFactory? _app;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason);

    public ExampleAppFactory App => _app ?? throw new InvalidOperationException(SkipReason);

    /// <summary>The app's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => Http.BaseAddress ?? throw new InvalidOperationException(SkipReason);

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
            return;
        }

        _app = new ExampleAppFactory(seed: true);
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        Http.BaseAddress = new Uri(addresses.Addresses.Single());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>The example app's image records.</summary>
    public async Task<List<ImageRecord>> ImagesAsync() =>
        await Http.GetFromJsonAsync<List<ImageRecord>>("/api/image-file") ?? [];

    public async Task<IPage> NewPageAsync() =>
        await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 760 }, BaseURL = BaseAddress.ToString() });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _app?.Dispose();
        Http.Dispose();
    }

    /// <summary>The fields of the example's <c>ImageFile</c> that the tests use.</summary>
    public sealed record ImageRecord(int Id, string Name, string File);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
