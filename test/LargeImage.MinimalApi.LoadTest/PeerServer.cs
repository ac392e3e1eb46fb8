using System.Globalization;
using System.Text.RegularExpressions;

namespace LargeImage.MinimalApi.LoadTest;

/// <summary>
/// Another tile server serving the same image to the same load generator in the same run, asked for the example's
/// tiles in its own protocol: IIPImage for the JPEG pyramid, MapServer for the COG's web-mercator tiles. Each request
/// names the file (and IIPImage's the JPEG quality), so <c>run-load.sh</c>, which starts both behind lighttpd, their
/// FastCGI host, with a process per core, needs to know neither; their CPU is that of lighttpd and the processes it
/// started.
/// </summary>
internal sealed partial class PeerServer
{
    /// <summary>Deep Zoom level 8 is the whole image in one 256-px tile, the example's z = 0.</summary>
    private const int DeepZoomLevelOfZ0 = 8;

    /// <summary>Half the web-mercator world's width, in metres.</summary>
    private const double MercatorHalfWorld = 20037508.342789244;

    private readonly Func<int, int, int, string> path;

    private PeerServer(string name, Uri url, int pid, Func<int, int, int, string> path)
    {
        Name = name;
        Runner = new LoadRunner(url, pid);
        this.path = path;
    }

    public string Name { get; }

    public LoadRunner Runner { get; }

    /// <summary>
    /// IIPImage's Deep Zoom tiles of <paramref name="image"/> at JPEG <paramref name="quality"/>: for a square pyramid
    /// whose side is 256 px times a power of two, as the benchmark's is, level z + 8 is exactly the example's level z,
    /// same column and row.
    /// </summary>
    public static PeerServer IipImage(Uri url, int pid, string image, int quality) => new("IIPImage", url, pid, (z, x, y) =>
        $"{url.AbsolutePath}?QLT={quality}&DeepZoom={image}_files/{z + DeepZoomLevelOfZ0}/{x}_{y}.jpg");

    /// <summary>
    /// MapServer's WMS map of the extent of each web-mercator tile of <paramref name="cog"/>, 256 px, transparent PNG;
    /// the mapfile takes the file from the request's <c>cog</c> parameter.
    /// </summary>
    public static PeerServer MapServer(Uri url, int pid, string cog) => new("MapServer", url, pid, (z, x, y) =>
    {
        var size = 2 * MercatorHalfWorld / (1 << z);
        var box = string.Join(',', new[]
        {
            (x * size) - MercatorHalfWorld, MercatorHalfWorld - ((y + 1) * size), ((x + 1) * size) - MercatorHalfWorld, MercatorHalfWorld - (y * size),
        }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return $"{url.AbsolutePath}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=cog&STYLES=&SRS=EPSG:3857&BBOX={box}&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE&cog={cog}";
    });

    /// <summary>The peer's request for the tile an example tile path names (the path's query is left out).</summary>
    public LoadRequest Request(string examplePath)
    {
        var tile = TilePath().Match(examplePath);
        if (!tile.Success)
        {
            throw new ArgumentException($"Not an example tile path: {examplePath}", nameof(examplePath));
        }

        int Group(string name) => int.Parse(tile.Groups[name].Value, CultureInfo.InvariantCulture);
        return new LoadRequest(path(Group("z"), Group("x"), Group("y")));
    }

    [GeneratedRegex(@"/tiles/(?<z>\d+)/(?<x>\d+)/(?<y>\d+)\.")]
    private static partial Regex TilePath();
}
