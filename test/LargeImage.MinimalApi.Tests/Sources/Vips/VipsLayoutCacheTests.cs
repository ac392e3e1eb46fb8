using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources.Vips;
using NetVips;
using FileVersion = LargeImage.MinimalApi.Sources.Vips.VipsLayoutCache.FileVersion;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

public class VipsLayoutCacheTests
{
    private static readonly FileVersion Version = new(1000, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_layout_is_found_only_for_the_version_it_was_read_from()
    {
        var cache = new VipsLayoutCache(4);
        var layout = Layout();
        cache.Add("/a.tif", Version, layout);
        Assert.Same(layout, cache.Find("/a.tif", Version));
        Assert.Null(cache.Find("/a.tif", Version with { Length = 1001 }));
        Assert.Null(cache.Find("/a.tif", Version with { Written = Version.Written.AddTicks(1) }));
        Assert.Null(cache.Find("/b.tif", Version));
    }

    [Fact]
    public void No_more_files_than_the_capacity_are_remembered()
    {
        var cache = new VipsLayoutCache(3);
        var paths = Enumerable.Range(0, 10).Select(i => $"/{i}.tif").ToArray();
        foreach (var path in paths)
        {
            cache.Add(path, Version, Layout());
        }

        Assert.Equal(3, paths.Count(p => cache.Find(p, Version) is not null));
        Assert.NotNull(cache.Find(paths[^1], Version));
    }

    [Fact]
    public void A_layout_with_too_much_metadata_is_not_kept()
    {
        var cache = new VipsLayoutCache(4);
        cache.Add("/plate.ome.tif", Version, Layout(new string('x', VipsLayoutCache.MaxLayoutChars)));
        cache.Add("/slide.tif", Version, Layout(new string('x', 1000)));
        Assert.Null(cache.Find("/plate.ome.tif", Version));
        Assert.NotNull(cache.Find("/slide.tif", Version));
    }

    private static VipsLayout Layout(string description = "") => new()
    {
        Loader = "VipsForeignLoadTiffFile",
        Format = Enums.BandFormat.Uchar,
        Bands = 3,
        Frames = [[new VipsLayout.StoredLevel(512, 512, 1, 0)]],
        AssociatedPages = new Dictionary<string, int>(),
        Internal = new JsonObject { ["description"] = description },
        Warnings = [],
    };
}
