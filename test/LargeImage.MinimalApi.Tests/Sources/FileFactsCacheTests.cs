using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources;

public class FileFactsCacheTests
{
    private const string Version = "3e8-1";

    [Fact]
    public void Facts_are_found_only_for_the_version_they_were_read_from()
    {
        var cache = new FileFactsCache<string>(4);
        var facts = "layout of a";
        cache.Add("/a.tif", Version, facts);
        Assert.Same(facts, cache.Find("/a.tif", Version));
        Assert.Null(cache.Find("/a.tif", "3e9-1"));
        Assert.Null(cache.Find("/a.tif", "3e8-2"));
        Assert.Null(cache.Find("/b.tif", Version));
        Assert.Null(cache.Find("/a.tif", null));
    }

    [Fact]
    public void Facts_of_an_unknown_version_are_not_kept()
    {
        var cache = new FileFactsCache<string>(4);
        cache.Add("/a.tif", null, "layout of a");
        cache.Add("/a.tif", Version, "layout of a, read again");
        Assert.Equal("layout of a, read again", cache.Find("/a.tif", Version));
        cache.Add("/a.tif", null, "a third read");
        Assert.Equal("layout of a, read again", cache.Find("/a.tif", Version));
    }

    [Fact]
    public void No_more_files_than_the_capacity_are_remembered()
    {
        var cache = new FileFactsCache<string>(3);
        var paths = Enumerable.Range(0, 10).Select(i => $"/{i}.tif").ToArray();
        foreach (var path in paths)
        {
            cache.Add(path, Version, path);
        }

        Assert.Equal(3, paths.Count(p => cache.Find(p, Version) is not null));
        Assert.NotNull(cache.Find(paths[^1], Version));
    }
}
