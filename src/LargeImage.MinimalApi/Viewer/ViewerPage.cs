using System.Text;
using System.Text.Encodings.Web;

namespace LargeImage.MinimalApi.Viewer;

/// <summary>
/// The HTML of the stand-alone viewer page. Every dynamic value goes into an HTML-encoded attribute and
/// none into script, so the page needs no inline script and works under a strict Content-Security-Policy.
/// </summary>
internal static class ViewerPage
{
    /// <param name="imageBase">URL of the image's route group, ending in <c>/</c>.</param>
    /// <param name="scriptUrl">URL of the bundled viewer module.</param>
    /// <param name="stylesheetUrl">URL of the bundled stylesheet.</param>
    /// <param name="basemapUrl">XYZ template of a basemap under geospatial images, or null for none.</param>
    /// <param name="basemapAttribution">Attribution shown with the basemap.</param>
    public static string Render(string imageBase, string scriptUrl, string stylesheetUrl, string? basemapUrl, string? basemapAttribution)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder(1024);
        page.Append("""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """);
        page.Append("\n<title>").Append(html.Encode(imageBase)).Append(" · Large image viewer</title>\n");
        page.Append("<link rel=\"stylesheet\" href=\"").Append(html.Encode(stylesheetUrl)).Append("\">\n");
        page.Append("<script type=\"module\" src=\"").Append(html.Encode(scriptUrl)).Append("\"></script>\n");
        page.Append("</head>\n<body class=\"li-page\">\n<div data-large-image=\"").Append(html.Encode(imageBase)).Append('"');
        AppendAttribute(page, html, "data-basemap-url", basemapUrl);
        AppendAttribute(page, html, "data-basemap-attribution", basemapAttribution);
        page.Append("></div>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendAttribute(StringBuilder page, HtmlEncoder html, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            page.Append(' ').Append(name).Append("=\"").Append(html.Encode(value)).Append('"');
        }
    }
}
