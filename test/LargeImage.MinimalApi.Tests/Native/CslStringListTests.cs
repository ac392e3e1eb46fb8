using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public sealed class CslStringListTests
{
    [Fact]
    public void Strings_round_trip_through_a_null_terminated_list()
    {
        using var list = new CslStringList(["-of", "MEM", "ünïcode"]);

        Assert.Equal(["-of", "MEM", "ünïcode"], CslStringList.Read(list.Pointer));
    }

    [Fact]
    public void Empty_and_null_lists_are_a_lone_terminator()
    {
        using var empty = new CslStringList(null);

        Assert.Empty(CslStringList.Read(empty.Pointer));
        Assert.Empty(CslStringList.Read(0));
    }
}
