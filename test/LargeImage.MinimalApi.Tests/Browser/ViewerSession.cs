using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>
/// A viewer page in the browser, with every tile response it received. The viewer reports its state on its root
/// element (<c>data-tile-template</c>, <c>data-tiles-pending</c>, <c>data-rendered-template</c>), which is what
/// the waits here rely on instead of sleeps.
/// </summary>
public sealed class ViewerSession : IAsyncDisposable
{
    private const string RenderedScript = """
        (fragment) => {
          const viewer = document.querySelector('.li-viewer');
          if (!viewer) return false;
          const error = viewer.querySelector('.li-error:not([hidden])');
          if (error) return 'error: ' + error.textContent;
          const template = viewer.dataset.tileTemplate ?? '';
          return viewer.dataset.tilesPending === '0' && viewer.dataset.renderedTemplate === template && template.includes(fragment);
        }
        """;

    private readonly ConcurrentQueue<(string Url, int Status)> _tiles = new();

    private ViewerSession(IPage page)
    {
        Page = page;
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/tiles/", StringComparison.Ordinal))
            {
                _tiles.Enqueue((response.Url, response.Status));
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyCollection<(string Url, int Status)> Tiles => _tiles;

    public static async Task<ViewerSession> OpenAsync(BrowserFixture fixture, string group)
    {
        var session = new ViewerSession(await fixture.NewPageAsync());
        await session.Page.GotoAsync(group + "viewer");
        return session;
    }

    /// <summary>Waits until tiles whose template contains <paramref name="fragment"/> are all loaded and drawn.</summary>
    public async Task WaitForRenderedAsync(string fragment = "")
    {
        var result = await Page.WaitForFunctionAsync(RenderedScript, fragment, new() { Timeout = 60_000 });
        var value = await result.JsonValueAsync<JsonElement>();
        Assert.True(value.ValueKind == JsonValueKind.True, value.ToString());
    }

    public async Task<string> TileTemplateAsync() =>
        await Page.Locator(".li-viewer").GetAttributeAsync("data-tile-template") ?? string.Empty;

    public void ForgetTiles() => _tiles.Clear();

    public async Task<Screenshot> MapScreenshotAsync() =>
        Screenshot.Decode(await Page.Locator(".li-map").ScreenshotAsync());

    /// <summary>Rests the pointer on the map's centre and returns the readout's request and the value it shows.</summary>
    public async Task<(string Query, JsonNode? Shown)> ReadPixelAtCentreAsync()
    {
        var box = await Page.Locator(".li-map").BoundingBoxAsync() ?? throw new InvalidOperationException("The map is not visible.");
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Page.Locator(".li-pixel").EvaluateAsync("readout => delete readout.dataset.query");
        await Page.Mouse.MoveAsync(x - 10, y - 10);
        await Page.Mouse.MoveAsync(x, y, new() { Steps = 4 });
        var readout = Page.Locator(".li-pixel[data-query]");
        var error = Page.Locator(".li-panel .li-error:not([hidden])");
        await readout.Or(error).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.False(await error.IsVisibleAsync(), $"The pixel readout failed: {await error.TextContentAsync()}");
        var query = await readout.GetAttributeAsync("data-query") ?? string.Empty;
        var valueLine = (await readout.InnerTextAsync()).Split('\n').Single(line => line.StartsWith("value: ", StringComparison.Ordinal));
        return (query, JsonNode.Parse(valueLine["value: ".Length..]));
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
