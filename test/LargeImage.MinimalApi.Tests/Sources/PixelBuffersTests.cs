using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources;

/// <summary>
/// Returned buffers are handed out again, and however many sizes come back, only a bounded number of sizes is kept:
/// the one unused longest goes. Sizes here are odd ones no reader or renderer asks for, since the pool is process-wide.
/// </summary>
public sealed class PixelBuffersTests
{
    [Fact]
    public void A_returned_buffer_is_rented_again_and_cleared_when_asked()
    {
        var buffer = new byte[70_001];
        buffer[5] = 9;
        PixelBuffers.Return(buffer);

        var again = PixelBuffers.Rent(70_001, clear: true);

        Assert.Same(buffer, again);
        Assert.Equal(0, again[5]);
    }

    [Fact]
    public void Many_sizes_keep_only_the_recent_ones()
    {
        var returned = Enumerable.Range(0, 100).Select(i => new byte[50_021 + (i * 2)]).ToArray();
        foreach (var buffer in returned)
        {
            PixelBuffers.Return(buffer);
        }

        Assert.NotSame(returned[0], PixelBuffers.Rent(returned[0].Length, clear: false));
        Assert.Same(returned[^1], PixelBuffers.Rent(returned[^1].Length, clear: false));
    }

    [Fact]
    public void An_empty_buffer_is_not_kept()
    {
        PixelBuffers.Return([]);

        Assert.Empty(PixelBuffers.Rent(0, clear: false));
    }
}
