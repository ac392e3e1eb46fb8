namespace LargeImage.MinimalApi.Diagnostics;

/// <summary>Which level of the rendered-bytes cache answered a request.</summary>
internal sealed class CacheLevel
{
    public static readonly CacheLevel Memory = new("memory");
    public static readonly CacheLevel Distributed = new("distributed");
    public static readonly CacheLevel Miss = new("miss");

    private CacheLevel(string name) => Name = name;

    public string Name { get; }

    public override string ToString() => Name;
}
