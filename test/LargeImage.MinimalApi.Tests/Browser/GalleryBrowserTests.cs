using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LargeImage.MinimalApi.Tests.Browser;

/// <summary>The example app's gallery and the Scalar API reference in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Gallery_shows_a_thumbnail_for_each_image()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var images = await fixture.ImagesAsync();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        var cards = page.Locator(".card");
        Assert.Equal(images.Count, await cards.CountAsync());
        foreach (var image in images)
        {
            var card = cards.Filter(new() { Has = page.Locator($"a[href='/api/image-file/{image.Id}/viewer']") });
            var width = await card.Locator("img").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
            Assert.True(width > 0, $"The thumbnail of '{image.Name}' did not load.");
        }

        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Scalar_loads_with_no_failed_requests()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var page = await fixture.NewPageAsync();
        var failures = new ConcurrentQueue<string>();
        page.RequestFailed += (_, request) => failures.Enqueue($"{request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Enqueue($"{response.Url}: {response.Status}");
            }
        };

        var openApi = page.WaitForResponseAsync(response => response.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        await page.GotoAsync("/scalar", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, (await openApi).Status);
        Assert.Empty(failures);
        await page.CloseAsync();
    }
}
