using LargeImage.MinimalApi.Diagnostics;

namespace LargeImage.MinimalApi.Caching;

/// <summary>
/// What happened during one cache lookup that missed memory: whether the distributed level answered or a render
/// ran. Ambient because FusionCache reads Redis and deserialises inside its own call, out of our reach; without it a
/// request that waited for another's render would look like a distributed hit.
/// </summary>
internal sealed class LookupTrace
{
    private static readonly AsyncLocal<LookupTrace?> Ambient = new();

    public bool Rendered { get; set; }

    public bool FromDistributed { get; private set; }

    public CacheLevel Level => Rendered ? CacheLevel.Miss : FromDistributed ? CacheLevel.Distributed : CacheLevel.Memory;

    public static LookupTrace Begin() => Ambient.Value = new LookupTrace();

    public static void DistributedAnswered()
    {
        if (Ambient.Value is { } trace)
        {
            trace.FromDistributed = true;
        }
    }
}
