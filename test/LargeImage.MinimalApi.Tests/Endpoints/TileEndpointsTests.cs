using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Endpoints;

/// <summary>
/// JPEG tiles of a JPEG-compressed pyramidal TIFF: sent as stored when nothing asks for a re-encode, re-encoded when a
/// quality is asked for or the tile is not one whole stored tile, and never one answering for the other.
/// </summary>
public sealed class TileEndpointsTests : IDisposable
{
    private readonly ExampleAppFactory app = new();
    private readonly string folder = Directory.CreateTempSubdirectory("li-tiles-").FullName;

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_whole_stored_jpeg_tile_is_sent_as_stored_unless_a_quality_is_asked_for()
    {
        var path = Path.Combine(folder, "pyramid.tif");
        using (var pattern = VipsFixtures.Pattern(1100, 700, 3))
        {
            pattern.WriteToFile($"{path}[tile,pyramid,tile-width=256,tile-height=256,compression=jpeg,Q=70]");
        }

        var id = await app.UploadAsync(path);
        var client = app.CreateClient();
        var stored = StoredTile(path, column: 2, row: 1);
        using var reference = Image.Tiffload(path, page: 0);
        using var crop = reference.Crop(512, 256, 256, 256);

        using var asStored = await client.GetAsync($"/api/image-file/{id}/tiles/3/2/1.jpeg");
        var asStoredBytes = await asStored.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", asStored.Content.Headers.ContentType?.MediaType);
        Assert.True(asStoredBytes.AsSpan().EndsWith(stored.AsSpan(2)), "the tile's compressed data as the file holds it");
        using (var decoded = Image.NewFromBuffer(asStoredBytes))
        {
            Assert.True(crop.WriteToMemory<byte>().AsSpan().SequenceEqual(decoded.WriteToMemory<byte>()));
        }

        // Asked for a quality, even the default one, the same tile is decoded and encoded again: other bytes, other ETag,
        // close pixels.
        using var reEncoded = await client.GetAsync($"/api/image-file/{id}/tiles/3/2/1.jpeg?quality=90");
        var reEncodedBytes = await reEncoded.Content.ReadAsByteArrayAsync();
        Assert.False(reEncodedBytes.AsSpan().EndsWith(stored.AsSpan(2)));
        Assert.NotEqual(asStored.Headers.ETag, reEncoded.Headers.ETag);
        using (var decoded = Image.NewFromBuffer(reEncodedBytes))
        using (var difference = (decoded - crop).Abs())
        {
            Assert.True(difference.Avg() < 3, $"mean difference {difference.Avg()}");
        }

        // The right-hand edge tile is partly off the image, so it is not the stored (padded) tile.
        using var edge = await client.GetAsync($"/api/image-file/{id}/tiles/3/4/1.jpeg");
        Assert.False((await edge.Content.ReadAsByteArrayAsync()).AsSpan().EndsWith(StoredTile(path, column: 4, row: 1).AsSpan(2)));
    }

    [SkippableFact]
    public async Task Tiles_of_a_jpeg_tiff_written_by_gdal_are_sent_as_stored_and_decode_as_gdal_decodes_them()
    {
        CliTool.SkipIfMissing("gdal_translate");
        var png = PatternPng("pattern.png", 1024, 768);

        // Another writer than libvips: GDAL's YCbCr JPEG with 2 × 2 chroma subsampling and shared tables.
        var path = Path.Combine(folder, "gdal.tif");
        CliTool.Run(
            "gdal_translate", "-q", "-of", "GTiff", "-co", "TILED=YES", "-co", "BLOCKXSIZE=256", "-co", "BLOCKYSIZE=256",
            "-co", "COMPRESS=JPEG", "-co", "PHOTOMETRIC=YCBCR", "-co", "JPEG_QUALITY=80", png, path);
        var id = await app.UploadAsync(path);
        var client = app.CreateClient();
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 4; column++)
            {
                var body = await client.GetByteArrayAsync($"/api/image-file/{id}/tiles/2/{column}/{row}.jpeg");
                Assert.True(body.AsSpan().EndsWith(StoredTile(path, column, row, columns: 4).AsSpan(2)), $"tile {column},{row} as stored");

                var reference = Path.Combine(folder, $"gdal-{column}-{row}.png");
                CliTool.Run("gdal_translate", "-q", "-of", "PNG", "-srcwin", $"{column * 256}", $"{row * 256}", "256", "256", path, reference);
                using var decoded = Image.NewFromBuffer(body);
                using var expected = Image.NewFromFile(reference);
                using var difference = (decoded - expected).Abs();
                Assert.True(difference.Max() <= 2, $"tile {column},{row}: largest difference {difference.Max()}, mean {difference.Avg()}");
            }
        }
    }

    /// <summary>An Aperio slide is served in its own 240² tiles (OpenSlide's reader), so whole ones go out as stored.</summary>
    [SkippableFact]
    public async Task Whole_tiles_of_an_aperio_slide_are_sent_as_stored()
    {
        var path = TestData.Path("libvips/CMU-1-Small-Region.svs");
        var id = await app.UploadAsync(path);
        var client = app.CreateClient();
        var metadata = await client.GetFromJsonAsync<JsonObject>($"/api/image-file/{id}/info/metadata");
        Assert.Equal(240, (int)metadata!["tileWidth"]!);
        var z = (int)metadata["levels"]! - 1;

        var body = await client.GetByteArrayAsync($"/api/image-file/{id}/tiles/{z}/3/5.jpeg");
        Assert.True(body.AsSpan().EndsWith(StoredTile(path, column: 3, row: 5, columns: 10).AsSpan(2)), "the tile's compressed data as the file holds it");
    }

    [SkippableFact]
    public async Task A_projected_jpeg_tile_is_one_cache_entry_with_or_without_the_default_quality()
    {
        CliTool.SkipIfMissing("gdal_translate");
        var png = PatternPng("map.png", 512, 512);

        var path = Path.Combine(folder, "map.tif");
        CliTool.Run("gdal_translate", "-q", "-of", "GTiff", "-a_srs", "EPSG:4326", "-a_ullr", "10", "50", "11", "49", png, path);
        var id = await app.UploadAsync(path);
        var client = app.CreateClient();
        using var implicitQuality = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.jpeg?projection=EPSG:3857");
        using var explicitQuality = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.jpeg?projection=EPSG:3857&quality=90");
        using var otherQuality = await client.GetAsync($"/api/image-file/{id}/tiles/0/0/0.jpeg?projection=EPSG:3857&quality=60");
        Assert.Equal(HttpStatusCode.OK, implicitQuality.StatusCode);
        Assert.Equal(implicitQuality.Headers.ETag, explicitQuality.Headers.ETag);
        Assert.NotEqual(implicitQuality.Headers.ETag, otherQuality.Headers.ETag);
    }

    /// <summary>The test pattern as a PNG in the test's folder, for GDAL to write TIFFs from.</summary>
    private string PatternPng(string name, int width, int height)
    {
        var png = Path.Combine(folder, name);
        using var pattern = VipsFixtures.Pattern(width, height, 3);
        pattern.Pngsave(png);
        return png;
    }

    private static byte[] StoredTile(string path, int column, int row, int columns = 5)
    {
        using var stream = File.OpenRead(path);
        var directory = TiffDirectory.ReadFirst(stream)!;
        var index = (row * columns) + column;
        var (offset, length) = (directory.Numbers(TiffTag.TileOffsets, 4096)![index], directory.Numbers(TiffTag.TileByteCounts, 4096)![index]);
        var tile = new byte[length];
        stream.Position = offset;
        stream.ReadExactly(tile);
        return tile;
    }
}
