using System.Text.Json;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Fakes;

/// <summary>
/// A reader for <c>.synth</c> files (a JSON <see cref="SyntheticSpec"/>), so endpoint behaviour can be checked on
/// images whose every value is known, whatever native readers are installed.
/// </summary>
internal sealed class SyntheticReader : ITileSourceReader
{
    public const string Extension = ".synth";

    public string Name => "synthetic";

    public bool IsAvailable => true;

    public string Version => "test";

    public static string Write(string folder, SyntheticSpec spec)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}{Extension}");
        File.WriteAllText(path, JsonSerializer.Serialize(spec));
        return path;
    }

    public int? GetPriority(string path, ReadOnlySpan<byte> header, bool wantsProjection) =>
        path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? 0 : null;

    public ITileSource Open(string path, string? projection)
    {
        var spec = JsonSerializer.Deserialize<SyntheticSpec>(File.ReadAllText(path))
            ?? throw new UnsupportedFileException("empty synthetic spec");
        return new SyntheticTileSource(spec);
    }
}
