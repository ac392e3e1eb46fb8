using System.Globalization;
using System.Text.RegularExpressions;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// IIPImage, the pyramidal-TIFF tile server this package is measured against, serving the same pyramid to the same
/// load generator in the same run (<c>run-load.sh</c> starts it behind lighttpd, its FastCGI host, with a process per
/// core, at the same JPEG quality). Its Deep Zoom tiles of a square pyramid whose side is 256 px times a power of two,
/// as the benchmark's is, are exactly the example's tiles: level z + 8, same column and row.
/// </summary>
internal sealed partial class IipImagePeer(Uri url, int pid, string image)
{
    /// <summary>Deep Zoom level 8 is the whole image in one 256-px tile, the example's z = 0.</summary>
    private const int DeepZoomLevelOfZ0 = 8;

    /// <summary>Drives IIPImage; its CPU is that of lighttpd and the FastCGI processes it started.</summary>
    public LoadRunner Runner { get; } = new(url, pid);

    /// <summary>The Deep Zoom request for the tile an example tile path names (its query is left out).</summary>
    public LoadRequest Request(string examplePath)
    {
        var tile = TilePath().Match(examplePath);
        if (!tile.Success)
        {
            throw new ArgumentException($"Not an example tile path: {examplePath}", nameof(examplePath));
        }

        int Group(string name) => int.Parse(tile.Groups[name].Value, CultureInfo.InvariantCulture);
        return new LoadRequest($"{url.AbsolutePath}?DeepZoom={image}_files/{Group("z") + DeepZoomLevelOfZ0}/{Group("x")}_{Group("y")}.jpg");
    }

    [GeneratedRegex(@"/tiles/(?<z>\d+)/(?<x>\d+)/(?<y>\d+)\.jpe?g")]
    private static partial Regex TilePath();
}
