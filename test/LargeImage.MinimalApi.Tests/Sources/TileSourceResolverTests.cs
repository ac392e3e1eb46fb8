using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Caching;

namespace LargeImage.MinimalApi.Tests.Sources;

public sealed class TileSourceResolverTests
{
    [Fact]
    public void A_file_is_ranked_once_per_version_reader_asked_for_and_projection()
    {
        using var temp = new TempDirectory();
        var path = temp.File("image.bin");
        File.WriteAllBytes(path, new byte[100]);
        var reader = new RecordingReader();
        var resolver = new TileSourceResolver([reader]);

        resolver.Candidates(path, "v1", null, wantsProjection: false);
        resolver.Candidates(path, "v1", null, wantsProjection: false);
        Assert.Equal(1, reader.Rankings);

        resolver.Candidates(path, "v1", null, wantsProjection: true);
        Assert.Equal(2, reader.Rankings);

        Assert.Equal([reader], resolver.Candidates(path, "v2", null, wantsProjection: false));
        Assert.Equal(3, reader.Rankings);

        // Without a version nothing is remembered.
        resolver.Candidates(path, null, null, wantsProjection: false);
        resolver.Candidates(path, null, null, wantsProjection: false);
        Assert.Equal(5, reader.Rankings);
    }
}
