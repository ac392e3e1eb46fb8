using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace LargeImage.MinimalApi.Viewer;

/// <summary>The viewer bundle embedded at build time (see the csproj), read once.</summary>
internal sealed class ViewerAssets
{
    private const string ResourcePrefix = "LargeImage.Viewer.";

    /// <summary>The viewer's ES module; it mounts a viewer on every <c>data-large-image</c> element.</summary>
    public const string Script = "viewer.js";

    /// <summary>The viewer's stylesheet, OpenLayers' own rules included.</summary>
    public const string Stylesheet = "viewer.css";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [Script] = "text/javascript; charset=utf-8",
        [Stylesheet] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    // Pre-compressed copies written by build.mjs, in the order they are preferred.
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private static readonly Lazy<ViewerAssets> Loaded = new(() => new ViewerAssets(typeof(ViewerAssets).Assembly));

    private readonly FrozenDictionary<string, ViewerAsset> _assets;

    private ViewerAssets(Assembly assembly)
    {
        _assets = ContentTypes.ToFrozenDictionary(
            entry => entry.Key,
            entry => new ViewerAsset(
                entry.Value,
                Read(assembly, entry.Key) ?? throw new InvalidOperationException(
                    $"The viewer asset '{entry.Key}' is not embedded; build the package with Node.js available."),
                Encodings
                    .Select(e => (e.Encoding, Bytes: Read(assembly, entry.Key + e.Suffix)))
                    .Where(e => e.Bytes is not null)
                    .Select(e => (e.Encoding, e.Bytes!))
                    .ToList()));
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(_assets.Values.Select(a => a.Hash)))))[..16];
    }

    public static ViewerAssets Instance => Loaded.Value;

    /// <summary>Changes whenever any asset does; pages append it as <c>?v=</c> so assets can be cached forever.</summary>
    public string Version { get; }

    public bool TryGet(string name, out ViewerAsset asset) => _assets.TryGetValue(name, out asset!);

    private static byte[]? Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
