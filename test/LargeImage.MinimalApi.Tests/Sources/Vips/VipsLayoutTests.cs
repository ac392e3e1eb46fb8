using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Sources.Vips;
using NetVips;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

public class VipsLayoutTests
{
    [Fact]
    public void A_layout_with_too_much_metadata_is_not_worth_remembering()
    {
        Assert.False(Layout(new string('x', VipsLayout.MaxRememberedChars)).IsWorthRemembering);
        Assert.True(Layout(new string('x', 1000)).IsWorthRemembering);
    }

    private static VipsLayout Layout(string description) => new()
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
