using System.Net;
using System.Text.Json;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>Bad input gets an RFC 9457 problem, never a 500, and leaves nothing behind.</summary>
public sealed class ProblemResponseTests : IDisposable
{
    private readonly ExampleAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("/api/image-file/12345/info/metadata")]
    [InlineData("/api/image-file/12345/tiles/0/0/0.png")]
    [InlineData("/api/image-file/12345/tiles/metadata")]
    public async Task Unknown_record_is_a_404_problem(string url)
    {
        using var response = await app.CreateClient().GetAsync(url);

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_record_is_a_404_problem_at_once_though_its_lookup_was_cached()
    {
        var id = await app.UploadAsync(GradientImages.Plain(app.DataDirectory, 300, 200));
        var client = app.CreateClient();
        using (var tile = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.png"))
        {
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        }

        using (var deleted = await client.DeleteAsync($"/api/image-file/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await AssertProblem(await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.png"), HttpStatusCode.NotFound);
        await AssertProblem(await client.GetAsync($"/api/image-file/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_that_is_not_an_image_is_refused_without_leaving_a_row_or_a_file()
    {
        var text = Path.Combine(app.DataDirectory, "notes.tif");
        await File.WriteAllTextAsync(text, "this is not a TIFF");

        using var response = await app.PostFileAsync(text);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("cannot be read", problem.GetProperty("detail").GetString());
        Assert.Empty(await app.ListAsync());
        Assert.True(!Directory.Exists(app.MediaDirectory) || Directory.GetFiles(app.MediaDirectory).Length == 0);
    }

    [SkippableFact]
    public async Task A_file_that_fails_mid_read_is_a_400_problem_naming_it_without_the_servers_folders()
    {
        Sources.Gdal.GdalAvailability.SkipIfUnavailable();
        var path = Path.Combine(app.DataDirectory, "damaged.tif");
        var plain = GradientImages.Plain(app.DataDirectory, 600, 400);
        CliTool.Run("gdal_translate", "-q", "-of", "GTiff", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", plain, path);
        // The header and directory stay whole, so the upload is accepted; the compressed tiles after them do not.
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.AsSpan(bytes.Length / 3, bytes.Length / 3).Fill(0x55);
        await File.WriteAllBytesAsync(path, bytes);
        var id = await app.UploadAsync(path);
        var stored = (await app.GetJsonAsync($"/api/image-file/{id}")).GetProperty("file").GetString()!;

        var problem = await AssertProblem(await app.CreateClient().GetAsync($"/api/image-file/{id}/tiles/0/0/0.png?source=gdal"), HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(stored, detail);
        Assert.DoesNotContain(app.DataDirectory, detail);
    }

    [Fact]
    public async Task Empty_upload_is_a_400_problem()
    {
        using var response = await app.CreateClient().PostAsync("/api/image-file", new MultipartFormDataContent());

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Formats_lists_every_extension_with_its_mime_type()
    {
        var formats = await app.GetJsonAsync("/api/large-image/formats");

        Assert.Equal("image/png", formats.GetProperty("png").GetString());
        Assert.Equal("image/jpeg", formats.GetProperty("jpg").GetString());
        Assert.Equal("image/webp", formats.GetProperty("webp").GetString());
        Assert.Equal("image/tiff", formats.GetProperty("tif").GetString());
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
