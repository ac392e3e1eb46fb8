using LargeImage.MinimalApi.Viewer;

namespace LargeImage.MinimalApi.Tests.Viewer;

public sealed class ViewerPageTests
{
    [Fact]
    public void Every_injected_value_is_html_encoded()
    {
        var html = ViewerPage.Render("/a\"><script>x</script>/", "/s.js?v=1&x=\"", "/s.css", "https://t/{z}?a=1&b=2", "<b>OSM</b>");

        Assert.DoesNotContain("<script>x", html, StringComparison.Ordinal);
        Assert.Contains("data-large-image=\"/a&quot;&gt;&lt;script&gt;x&lt;/script&gt;/\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/s.js?v=1&amp;x=&quot;\"", html, StringComparison.Ordinal);
        Assert.Contains("data-basemap-url=\"https://t/{z}?a=1&amp;b=2\"", html, StringComparison.Ordinal);
        Assert.Contains("data-basemap-attribution=\"&lt;b&gt;OSM&lt;/b&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_has_no_inline_script_so_a_strict_csp_allows_it()
    {
        var html = ViewerPage.Render("/api/image-file/1/", "/v.js", "/v.css", null, null);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.Contains("<script type=\"module\" src=\"/v.js\"></script>", html, StringComparison.Ordinal);
    }
}
