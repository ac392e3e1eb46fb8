using System.Text.Json;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources.Remote;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// Keeps the server's folder layout out of <c>metadata_internal</c>. Readers pass on what their libraries report, and
/// the libraries name the file by its full path: libvips in each page's <c>filename</c>, GDAL in subdataset names
/// (<c>DERIVED_SUBDATASETS</c>, netCDF variables). A remote file's URL may carry a signature in its query.
/// </summary>
internal static class InternalMetadataRedaction
{
    /// <summary>
    /// Replaces, in every string of <paramref name="document"/>, the file's path by its name and drops any other
    /// mention of its folder.
    /// </summary>
    /// <param name="document">Changed in place and returned.</param>
    /// <param name="path">The file's local or VSI path, as the reader opened it.</param>
    public static JsonObject Redact(JsonObject document, string path)
    {
        var withoutQuery = RemoteReferenceParser.WithoutQuery(path);
        var name = Path.GetFileName(withoutQuery);
        var folder = Path.GetDirectoryName(withoutQuery) is { Length: > 1 } parent ? parent + "/" : null;
        string Scrub(string text)
        {
            var scrubbed = text.Replace(path, name, StringComparison.Ordinal);
            return folder is null ? scrubbed : scrubbed.Replace(folder, string.Empty, StringComparison.Ordinal);
        }

        Visit(document, Scrub);
        return document;
    }

    private static void Visit(JsonNode? node, Func<string, string> scrub)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (key, child) in properties.ToArray())
                {
                    if (Scrubbed(child, scrub) is { } replaced)
                    {
                        properties[key] = replaced;
                    }
                }

                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (Scrubbed(items[i], scrub) is { } replaced)
                    {
                        items[i] = replaced;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// A new value for a string that mentions the path or folder, or null: a container is scrubbed in place, and
    /// anything else is left as it is.
    /// </summary>
    private static JsonValue? Scrubbed(JsonNode? node, Func<string, string> scrub)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            Visit(node, scrub);
            return null;
        }

        var text = value.GetValue<string>();
        var scrubbed = scrub(text);
        return scrubbed == text ? null : JsonValue.Create(scrubbed);
    }
}
