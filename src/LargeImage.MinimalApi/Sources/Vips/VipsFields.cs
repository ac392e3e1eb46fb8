using System.Text.Json.Nodes;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>An image's libvips metadata fields (TIFF tags, EXIF, OME-XML, …) as JSON for <c>metadata_internal</c>.</summary>
internal static class VipsFields
{
    public static JsonObject ToJson(Image image)
    {
        var fields = new JsonObject();
        foreach (var name in image.GetFields())
        {
            fields[name] = image.Get(name) switch
            {
                string text => text,
                int number => number,
                double number => number,
                bool flag => flag,
                int[] numbers => new JsonArray(numbers.Select(n => (JsonNode?)n).ToArray()),
                double[] numbers => new JsonArray(numbers.Select(n => (JsonNode?)n).ToArray()),
                byte[] blob => $"<{blob.Length} bytes>",
                Image => null,
                var other => other?.ToString(),
            };
        }

        return fields;
    }

    public static string? GetString(Image image, string name) => image.Contains(name) ? image.Get(name) as string : null;

    public static int? GetInt(Image image, string name) => image.Contains(name) ? image.Get(name) as int? : null;
}
