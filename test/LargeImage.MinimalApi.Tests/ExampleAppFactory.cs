using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LargeImage.MinimalApi.Tests;

/// <summary>The example app in-process, with its own empty data folder that is removed afterwards.</summary>
public sealed class ExampleAppFactory : WebApplicationFactory<Program>
{
    private readonly bool seed;

    public ExampleAppFactory()
        : this(seed: false)
    {
    }

    public ExampleAppFactory(bool seed)
    {
        this.seed = seed;
        DataDirectory = Directory.CreateTempSubdirectory("largeimage-test-").FullName;
    }

    public string DataDirectory { get; }

    public string MediaDirectory => Path.Combine(DataDirectory, "media");

    /// <summary>Extra configuration, e.g. <c>LargeImage:TransparentOutsideImage</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Uploads a file through the example's POST route and returns the new record's id.</summary>
    public async Task<int> UploadAsync(string path, string? name = null)
    {
        using var response = await PostFileAsync(path, name);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Upload of {Path.GetFileName(path)} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public async Task<HttpResponseMessage> PostFileAsync(string path, string? name = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", Path.GetFileName(path));
        if (name is not null)
        {
            content.Add(new StringContent(name), "name");
        }

        return await CreateClient().PostAsync("/api/image-file", content);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<List<JsonElement>> ListAsync() =>
        (await CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/image-file"))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Example:DataDirectory", DataDirectory);
        builder.UseSetting("Example:Seed", seed ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
