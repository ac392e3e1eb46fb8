using LargeImage.MinimalApi.Models;

namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// large_image's frame summary (<c>_addMetadataFrameInformation</c>): <c>IndexRange</c> holds the axes with more
/// than one value, <c>IndexStride</c> the first frame number where each such axis is 1.
/// </summary>
internal static class FrameAxes
{
    public static (IReadOnlyDictionary<string, int>? Range, IReadOnlyDictionary<string, int>? Stride) Describe(
        IReadOnlyList<FrameInfo> frames)
    {
        var axes = new (string Name, Func<FrameInfo, int?> Get)[]
        {
            ("IndexC", f => f.IndexC),
            ("IndexZ", f => f.IndexZ),
            ("IndexT", f => f.IndexT),
        };
        var range = new Dictionary<string, int>(StringComparer.Ordinal);
        var stride = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, get) in axes)
        {
            var count = frames.Select(f => get(f) ?? 0).DefaultIfEmpty(0).Max() + 1;
            if (count <= 1)
            {
                continue;
            }

            range[name] = count;
            stride[name] = frames.First(f => get(f) == 1).Frame;
        }

        return range.Count == 0 ? (null, null) : (range, stride);
    }
}
