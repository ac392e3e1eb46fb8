using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>
/// One example app and one headless Debian Chromium shared by the browser tests. Playwright never downloads a
/// browser here: it drives the system's <c>/usr/bin/chromium</c>, and the tests skip when that is absent.
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
    private ExampleAppServer? _server;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(SkipReason);

    public ExampleAppServer Server => _server ?? throw new InvalidOperationException(SkipReason);

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"{ChromiumPath} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
            return;
        }

        _server = new ExampleAppServer();
        Http.BaseAddress = _server.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>The example app's image records.</summary>
    public async Task<List<ImageRecord>> ImagesAsync() =>
        await Http.GetFromJsonAsync<List<ImageRecord>>("/api/image-file") ?? [];

    public async Task<IPage> NewPageAsync() =>
        await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 760 }, BaseURL = Server.BaseAddress.ToString() });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
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
