using System.Net;
using LargeImage.MinimalApi.Tests.Sources.Gdal;
using LargeImage.MinimalApi.Tests.Sources.Vips;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>The <c>info/…</c> routes on files of each reader that the tests make themselves.</summary>
public sealed class InfoEndpointsTests(GdalFixtures fixtures) : IClassFixture<GdalFixtures>, IDisposable
{
    private readonly ExampleAppFactory app = new();
    private readonly TempDirectory temp = new();

    public void Dispose()
    {
        app.Dispose();
        temp.Dispose();
    }

    [SkippableTheory]
    [InlineData("geotiff")]
    [InlineData("pyramid")]
    [InlineData("netcdf")]
    public async Task Internal_metadata_names_the_file_without_the_servers_folders(string kind)
    {
        GdalAvailability.SkipIfUnavailable();
        var id = await app.UploadAsync(Make(kind));
        var stored = (await app.GetJsonAsync($"/api/image-file/{id}")).GetProperty("file").GetString()!;

        var body = await app.CreateClient().GetStringAsync($"/api/image-file/{id}/info/metadata_internal");

        // libvips names each page's file, GDAL its derived and netCDF subdatasets: by name only.
        Assert.Contains(stored, body);
        Assert.DoesNotContain(app.DataDirectory, body);
    }

    [SkippableFact]
    public async Task The_variables_of_a_netcdf_file_are_frames_over_http()
    {
        GdalAvailability.SkipIfUnavailable();
        var id = await app.UploadAsync(Make("netcdf"));
        var client = app.CreateClient();

        var frames = await app.GetJsonAsync($"/api/image-file/{id}/info/frames");
        using var third = await client.GetAsync($"/api/image-file/{id}/data/pixel?left=17&top=333&units=base_pixels&frame=2");
        using var beyond = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.png?frame=3");

        Assert.Equal(["Band1", "Band2", "Band3"], frames.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, frames.GetProperty("frames").GetArrayLength());
        Assert.Contains($"\"bands\":{{\"1\":{GdalFixtures.RgbAt(2, 17, 333)}}}", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType?.MediaType);
    }

    private string Make(string kind)
    {
        switch (kind)
        {
            case "geotiff":
                return fixtures.Rgb;
            case "pyramid":
                var pyramid = temp.File("pyramid.tif");
                using (var pattern = VipsFixtures.Pattern(700, 500, 3))
                {
                    pattern.WriteToFile($"{pyramid}[tile,pyramid,tile-width=256,tile-height=256]");
                }

                return pyramid;
            default:
                var netcdf = temp.File("rgb.nc");
                CliTool.Run("gdal_translate", "-q", "-of", "netCDF", fixtures.Rgb, netcdf);
                return netcdf;
        }
    }
}
