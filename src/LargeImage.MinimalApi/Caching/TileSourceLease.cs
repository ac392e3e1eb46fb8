using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Caching;

/// <summary>A borrowed reader; disposing it returns the reader to <see cref="TileSourceCache"/>.</summary>
internal sealed class TileSourceLease(ITileSource source, Action release) : IDisposable
{
    private int released;

    public ITileSource Source { get; } = source;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            release();
        }
    }
}
