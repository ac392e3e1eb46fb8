using System.Net.Http.Json;
using System.Text.Json;
using LargeImage.MinimalApi.Benchmarks;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>The example app's own routes the load test needs: upload, and the grids to pick tiles from.</summary>
internal sealed class ExampleApi(HttpClient client)
{
    public async Task<int> UploadAsync(string path, string name)
    {
        using var content = new MultipartFormDataContent();
        await using var file = File.OpenRead(path);
        content.Add(new StreamContent(file), "file", Path.GetFileName(path));
        content.Add(new StringContent(name), "name");
        using var response = await client.PostAsync("/api/image-file", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>
    /// Fixed-seed distinct tile paths of image <paramref name="id"/>, over its three most detailed levels: lone tiles, or
    /// with <paramref name="viewports"/> the tiles of 4 × 3 viewports in turn (<see cref="TileCoordinates.Pick"/>).
    /// </summary>
    public async Task<string[]> TilePathsAsync(int id, string format, string? projection, int count, int seed, bool viewports = false)
    {
        var query = projection is null ? string.Empty : $"?projection={projection}";
        var metadata = await client.GetFromJsonAsync<JsonElement>($"/api/image-file/{id}/info/metadata{query}");
        (double, double, double, double)? wgs84 = null;
        if (projection is not null)
        {
            var bounds = metadata.GetProperty("bounds");
            wgs84 = (bounds.GetProperty("xmin").GetDouble(), bounds.GetProperty("ymin").GetDouble(),
                bounds.GetProperty("xmax").GetDouble(), bounds.GetProperty("ymax").GetDouble());
        }

        var tiles = TileCoordinates.Pick(
            metadata.GetProperty("levels").GetInt32(),
            metadata.GetProperty("sizeX").GetInt64(),
            metadata.GetProperty("sizeY").GetInt64(),
            metadata.GetProperty("tileWidth").GetInt32(),
            wgs84,
            count,
            seed,
            viewports);
        return [.. tiles.Select(t => $"/api/image-file/{id}/tiles/{t.Z}/{t.X}/{t.Y}.{format}{query}")];
    }
}
