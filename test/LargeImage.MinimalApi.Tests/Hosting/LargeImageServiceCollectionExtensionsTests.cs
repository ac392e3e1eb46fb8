using LargeImage.MinimalApi.Sources;
using LargeImage.MinimalApi.Tests.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace LargeImage.MinimalApi.Tests.Hosting;

public sealed class LargeImageServiceCollectionExtensionsTests
{
    [Fact]
    public void Files_remembered_follow_the_configured_count_of_open_readers()
    {
        // 300 files are more than the default open readers' 256 remembered, and fewer than four times 100.
        const int Files = 300;
        using var temp = new TempDirectory();
        var reader = new RecordingReader();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ITileSourceReader>(reader);
        services.AddLargeImage(options => options.MaxOpenReaders = 100);
        using var provider = services.BuildServiceProvider();
        var resolver = provider.GetRequiredService<TileSourceResolver>();
        var paths = Enumerable.Range(0, Files).Select(i => temp.File($"{i}.bin")).ToArray();
        foreach (var path in paths)
        {
            File.WriteAllBytes(path, new byte[16]);
        }

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var path in paths)
            {
                resolver.Candidates(path, "v1", null, wantsProjection: false);
            }
        }

        Assert.Equal(Files, reader.Rankings);
    }
}
