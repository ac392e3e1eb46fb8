using System.Globalization;
using LargeImage.MinimalApi.Benchmarks;
using LargeImage.MinimalApi.LoadTest;

// Scenario sizes: each is bounded in count and in time, so the run ends by itself on a slow or busy machine.
const int UncachedConcurrency = 8;
const int BrowserConcurrency = 6;
const int CachedConcurrency = 32;
const int MercatorViewportTiles = 1200;
const int JpegWarmupTiles = 16_000;
const int CachedTiles = 500;
const int RepeatedRequests = 60_000;
const int RepeatedRounds = 3;
const int ReEncodeQuality = 90;
const int PeerWarmupTiles = 2000;
const int MemoryFiles = 200;
const int MemoryTilesPerFile = 100;
const int MemorySamples = 10;
var uncachedLimit = TimeSpan.FromSeconds(120);
// Tiered compilation settles only after seconds of load: in scratch runs the server's CPU per uncached re-encoded
// tile was 1.02–1.26 ms over the first 6 s (about 10 000 tiles) and 0.63–0.74 from 8 s on, and the JIT's share of a
// profile fell from 11% to under 1%. A server's throughput is its steady state's, so the JPEG warm-up lasts this long.
var jpegWarmupLimit = TimeSpan.FromSeconds(20);
var repeatedLimit = TimeSpan.FromSeconds(15);
// IIPImage encodes a repeated Deep Zoom tile again from its cache of decoded tiles: some 2 000 tiles/s, so a short window.
var peerRepeatedLimit = TimeSpan.FromSeconds(5);
var memoryLimit = TimeSpan.FromSeconds(360);

var options = LoadTestOptions.Parse(args);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = CachedConcurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = options.Url,
    Timeout = TimeSpan.FromSeconds(60),
};
var api = new ExampleApi(client);
var runner = new LoadRunner(options.Url, options.ServerPid);

var startedRss = ProcessStats.ResidentBytes(options.ServerPid);
Console.WriteLine($"Preparing images ({Environment.ProcessorCount} cores seen by the client); server RSS after start: {startedRss / 1048576} MiB");
// The same 32768² pyramid the in-process benchmarks read, so HTTP and in-process costs are of the same tiles.
var pyramidFile = BenchmarkImages.Pyramid(32768);
var pyramid = await api.UploadAsync(pyramidFile, "Load test: 32768² JPEG pyramid");
var cogFile = BenchmarkImages.UtmCog();
var cog = await api.UploadAsync(cogFile, "Load test: 16384² RGB UTM COG");
var smallPyramid = BenchmarkImages.Pyramid(4096);
var memoryFiles = new List<int>();
for (var i = 0; i < MemoryFiles; i++)
{
    memoryFiles.Add(await api.UploadAsync(smallPyramid, $"Load test: 4096² pyramid {i}"));
}

// Asked for without a quality, the pyramid's JPEG tiles are sent as stored; with one, decoded and encoded again. Both
// are distinct in the rendered cache, so the same tiles serve both scenarios. The list's first tiles were the warm-up
// of earlier stops; skipping them keeps the measured tiles those of earlier stops.
var native = (await api.TilePathsAsync(pyramid, "jpeg", null, LoadTestTiles.Warmup + LoadTestTiles.Native, LoadTestTiles.NativeSeed))[LoadTestTiles.Warmup..];
var reEncoded = native.Select(ReEncoded).ToArray();
var mercator = await api.TilePathsAsync(cog, "png", "EPSG:3857", LoadTestTiles.Warmup + LoadTestTiles.Mercator, LoadTestTiles.MercatorSeed);
// The same tiles as a browser asks for them: a 4 × 3 viewport at a time over its six connections, so the requests in
// flight together read neighbouring source blocks. Another seed, minus the tiles above, so every one is a miss.
var measuredMercator = mercator.ToHashSet();
var mercatorViewports = (await api.TilePathsAsync(cog, "png", "EPSG:3857", MercatorViewportTiles, seed: 4, viewports: true))
    .Where(p => !measuredMercator.Contains(p)).ToArray();
const string constantPath = "/load-test/constant"; // ConstantBytesEndpoint.Path in the example app
// The long JPEG warm-up draws from another seed, without the measured tiles, so those stay the level mix they were:
// drawing on, the list runs out of the two coarser levels and holds mostly full-resolution tiles, a third larger. It
// goes over its tiles twice so that the time limit ends it: the rendered cache holds a few thousand tiles, so every
// request of the second pass is a miss again.
var measuredNative = native.ToHashSet();
var warmupNative = (await api.TilePathsAsync(pyramid, "jpeg", null, JpegWarmupTiles, seed: 3)).Where(p => !measuredNative.Contains(p)).ToArray();
var jpegWarmup = Enumerable.Repeat(warmupNative, 2).SelectMany(pass => pass)
    .SelectMany(p => new[] { new LoadRequest(p), new LoadRequest(ReEncoded(p)) })
    .ToArray();

// Other servers serving the same images, when run-load.sh found them installed.
var iipImage = options.IipImageUrl is { } iipImageUrl ? PeerServer.IipImage(iipImageUrl, options.PeersPid, pyramidFile, ReEncodeQuality) : null;
var mapServer = options.MapServerUrl is { } mapServerUrl ? PeerServer.MapServer(mapServerUrl, options.PeersPid, cogFile) : null;

// JIT, connection pool and open readers; these tiles are not measured again.
await runner.RunAsync("warm-up", [.. Enumerable.Repeat(new LoadRequest(constantPath), 2000)], CachedConcurrency, repeatedLimit);
var warmup = await runner.RunAsync("warm-up", jpegWarmup, UncachedConcurrency, jpegWarmupLimit);
Console.WriteLine($"JPEG warm-up: {warmup.Requests} uncached requests in {warmup.Elapsed.TotalSeconds:0.0} s, {warmup.ServerCpuMsPerRequest:0.00} ms of server CPU each");
await runner.RunAsync("warm-up", [.. mercator.Take(LoadTestTiles.Warmup).Select(p => new LoadRequest(p))], UncachedConcurrency, uncachedLimit);
if (iipImage is not null)
{
    await iipImage.Runner.RunAsync("warm-up", [.. warmupNative.Take(PeerWarmupTiles).Select(iipImage.Request)], UncachedConcurrency, uncachedLimit);
}

if (mapServer is not null)
{
    await mapServer.Runner.RunAsync("warm-up", [.. mercator.Take(LoadTestTiles.Warmup).Select(mapServer.Request)], UncachedConcurrency, uncachedLimit);
}

var results = new List<LoadResult>();
void Report(LoadResult result)
{
    results.Add(result);
    Console.WriteLine(result);
}

// The uncached scenarios are bracketed by the in-process baseline, their ratios taken to the mean of both.
async Task<Dictionary<string, BaselineFigure>> Baseline(string when)
{
    if (options.BaselineCommand is not { } command)
    {
        return [];
    }

    var figures = await InProcessBaselineRun.RunAsync(command);
    Console.WriteLine($"In-process baseline {when} the uncached scenarios: {string.Join("; ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value.MedianMs:0.000} ms, {f.Value.TilesPerSecond:0} tiles/s")))}");
    return figures;
}

var before = await Baseline("before");
Console.WriteLine();
Console.WriteLine(LoadResult.Header);
var nativeUncached = await runner.RunAsync("uncached native JPEG, re-encoded", [.. reEncoded.Select(p => new LoadRequest(p))], UncachedConcurrency, uncachedLimit);
Report(nativeUncached);
// Each peer right after this package's scenario, on the same tiles, so the machine has had the least time to change.
async Task<LoadResult?> PeerUncached(PeerServer? peer, string name, IEnumerable<string> paths)
{
    if (peer is null)
    {
        return null;
    }

    var result = await peer.Runner.RunAsync($"{peer.Name} {name}", [.. paths.Select(peer.Request)], UncachedConcurrency, uncachedLimit);
    Report(result);
    return result;
}

var iipImageUncached = await PeerUncached(iipImage, "uncached JPEG", native);
var storedUncached = await runner.RunAsync("uncached native JPEG, as stored", [.. native.Select(p => new LoadRequest(p))], UncachedConcurrency, uncachedLimit);
Report(storedUncached);
var mercatorUncached = await runner.RunAsync("uncached EPSG:3857 PNG (UTM COG)", [.. mercator.Skip(LoadTestTiles.Warmup).Select(p => new LoadRequest(p))], UncachedConcurrency, uncachedLimit);
Report(mercatorUncached);
var mapServerUncached = await PeerUncached(mapServer, "uncached PNG", mercator.Skip(LoadTestTiles.Warmup));
var after = await Baseline("after");
var mercatorViewportsUncached = await runner.RunAsync(
    "uncached EPSG:3857 PNG, viewports", [.. mercatorViewports.Select(p => new LoadRequest(p))], BrowserConcurrency, uncachedLimit);
Report(mercatorViewportsUncached);

// The repeated scenarios cycle over native tiles that fit the rendered cache many times over (the PNG tiles above
// may have evicted them), fetched once more first, so every request is a cache hit.
var fetched = native.Take(CachedTiles).ToArray();
await runner.RunAsync("refill", [.. fetched.Select(p => new LoadRequest(p))], UncachedConcurrency, uncachedLimit, keepETags: true);
LoadRequest[] Cycle(Func<string, LoadRequest> make) => [.. Enumerable.Range(0, RepeatedRequests).Select(i => make(fetched[i % fetched.Length]))];
// The ceiling, cached tiles and 304s alternate over a few rounds, each ratio taken within its round: on a shared
// machine throughput drifts by more than the gaps being measured, and neighbouring runs drift least.
var ceilings = new List<double>();
var cachedRatios = new List<double>();
var revalidatedRatios = new List<double>();
for (var round = 1; round <= RepeatedRounds; round++)
{
    var ceiling = await runner.RunAsync($"constant bytes (ceiling) #{round}", Cycle(_ => new LoadRequest(constantPath)), CachedConcurrency, repeatedLimit);
    Report(ceiling);
    var cached = await runner.RunAsync($"cached native JPEG #{round}", Cycle(p => new LoadRequest(p)), CachedConcurrency, repeatedLimit);
    Report(cached);
    var revalidated = await runner.RunAsync($"304 If-None-Match #{round}", Cycle(p => new LoadRequest(p, runner.ETags[p])), CachedConcurrency, repeatedLimit);
    Report(revalidated);
    ceilings.Add(ceiling.PerSecond);
    cachedRatios.Add(cached.PerSecond / ceiling.PerSecond);
    revalidatedRatios.Add(revalidated.PerSecond / ceiling.PerSecond);
}

// The same tiles again and again from each server: ours re-encoded at IIPImage's quality from the rendered cache,
// IIPImage's from its own tile cache.
var iipImageRepeatedRatios = new List<double>();
if (iipImage is not null)
{
    await runner.RunAsync("refill", [.. fetched.Select(p => new LoadRequest(ReEncoded(p)))], UncachedConcurrency, uncachedLimit);
    await iipImage.Runner.RunAsync("refill", [.. fetched.Select(iipImage.Request)], UncachedConcurrency, uncachedLimit);
    for (var round = 1; round <= RepeatedRounds; round++)
    {
        var ours = await runner.RunAsync($"cached JPEG, re-encoded #{round}", Cycle(p => new LoadRequest(ReEncoded(p))), CachedConcurrency, repeatedLimit);
        Report(ours);
        var theirs = await iipImage.Runner.RunAsync($"IIPImage repeated JPEG #{round}", Cycle(iipImage.Request), CachedConcurrency, peerRepeatedLimit);
        Report(theirs);
        iipImageRepeatedRatios.Add(ours.PerSecond / theirs.PerSecond);
    }
}

// Not a tile: the example's record lookup alone (the EF Core query every large-image route of the example runs first).
Report(await runner.RunAsync("record lookup only (GET /{id})", Cycle(_ => new LoadRequest($"/api/image-file/{pyramid}")), CachedConcurrency, repeatedLimit));

// Distinct tiles over many files, round-robin across files so open readers are evicted and reopened throughout.
Console.WriteLine();
var startRss = ProcessStats.ResidentBytes(options.ServerPid);
Console.WriteLine($"RSS before the memory run: {startRss / 1048576} MiB");
var perFile = new List<string[]>();
foreach (var id in memoryFiles)
{
    perFile.Add(await api.TilePathsAsync(id, "jpeg", null, MemoryTilesPerFile, seed: id));
}

var memoryPaths = Enumerable.Range(0, MemoryTilesPerFile)
    .SelectMany(t => perFile.Where(f => t < f.Length).Select(f => new LoadRequest(f[t])))
    .ToArray();
var chunk = (memoryPaths.Length + MemorySamples - 1) / MemorySamples;
var memoryClock = System.Diagnostics.Stopwatch.StartNew();
var peakRss = 0L;
var memoryErrors = 0;
var memoryDone = 0;
for (var i = 0; i < MemorySamples && memoryClock.Elapsed < memoryLimit; i++)
{
    var part = await runner.RunAsync("memory", memoryPaths.Skip(i * chunk).Take(chunk).ToArray(), UncachedConcurrency, memoryLimit - memoryClock.Elapsed);
    memoryErrors += part.Errors;
    memoryDone += part.Requests;
    var rss = ProcessStats.ResidentBytes(options.ServerPid);
    peakRss = Math.Max(peakRss, rss);
    Console.WriteLine($"  after {memoryDone,6} distinct tiles over {memoryFiles.Count} files: RSS {rss / 1048576,5} MiB ({part.PerSecond:0} tiles/s, {part.Errors} errors)");
}

Console.WriteLine();
Console.WriteLine($"Errors: {results.Sum(r => r.Errors) + memoryErrors}");
static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
static string ReEncoded(string path) => $"{path}?quality={ReEncodeQuality}";
static string Rounds(List<double> ratios) =>
    $"median {Median(ratios):0.00} of {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}";
Console.WriteLine($"Cached tiles / ceiling of the same round: {Rounds(cachedRatios)} (target >= 0.80)");
Console.WriteLine($"304s / ceiling of the same round: {Rounds(revalidatedRatios)} (target >= 0.90)");
Console.WriteLine($"Uncached native JPEG re-encoded / as stored / uncached 3857 PNG throughput: {nativeUncached.PerSecond:0} / {storedUncached.PerSecond:0} / {mercatorUncached.PerSecond:0} tiles/s");
Console.WriteLine($"Server CPU per uncached tile: {nativeUncached.ServerCpuMsPerRequest:0.00} ms native JPEG re-encoded, {storedUncached.ServerCpuMsPerRequest:0.00} ms as stored, {mercatorUncached.ServerCpuMsPerRequest:0.00} ms 3857 PNG ({mercatorViewportsUncached.ServerCpuMsPerRequest:0.00} ms in viewports); the load generator kept {nativeUncached.ClientCores:0.00} / {storedUncached.ClientCores:0.00} / {mercatorUncached.ClientCores:0.00} cores busy");
Console.WriteLine($"Uncached native JPEG as stored / median constant-bytes ceiling: {storedUncached.PerSecond / Median(ceilings):0.00}");
void AgainstPeer(string name, LoadResult ours, LoadResult? theirs)
{
    if (theirs is not null)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"This package / {name}: {ours.PerSecond / theirs.PerSecond:0.00} in tiles/s, {theirs.ServerCpuMsPerRequest / ours.ServerCpuMsPerRequest:0.00} in server CPU a tile ({theirs.ServerCpuMsPerRequest:0.00} ms / {ours.ServerCpuMsPerRequest:0.00})"));
    }
}

AgainstPeer($"IIPImage, uncached JPEG tiles at quality {ReEncodeQuality}", nativeUncached, iipImageUncached);
AgainstPeer("IIPImage, uncached JPEG tiles as each sends them by default (this package: as stored)", storedUncached, iipImageUncached);
if (iipImageRepeatedRatios.Count > 0)
{
    Console.WriteLine($"This package / IIPImage, repeated JPEG tiles at quality {ReEncodeQuality}, within each round: {Rounds(iipImageRepeatedRatios)}");
}

AgainstPeer("MapServer, uncached EPSG:3857 PNG tiles", mercatorUncached, mapServerUncached);

void Against(string name, LoadResult result, string kind)
{
    if (!before.TryGetValue(kind, out var first) || !after.TryGetValue(kind, out var last))
    {
        return;
    }

    double Cores(double ms) => result.PerSecond / (Environment.ProcessorCount * 1000 / ms);
    var ms = (first.MedianMs + last.MedianMs) / 2;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Uncached {name} / (cores ÷ in-process {ms:0.000} ms, the mean of before and after): {Cores(ms):0.00} (target >= 0.70; {Cores(first.MedianMs):0.00} to before, {Cores(last.MedianMs):0.00} to after)"));

    // What the pipeline itself does with a thread per core: the part of the gap HTTP and the server add.
    var perSecond = (first.TilesPerSecond + last.TilesPerSecond) / 2;
    Console.WriteLine($"Uncached {name} / in-process with every core ({perSecond:0} tiles/s): {result.PerSecond / perSecond:0.00}");
}

Against("native JPEG re-encoded", nativeUncached, "native-jpeg");
Against("native JPEG as stored", storedUncached, "stored-jpeg");
Against("3857 PNG", mercatorUncached, "mercator-png");

Console.WriteLine($"RSS: {startedRss / 1048576} MiB after start, {startRss / 1048576} MiB before the memory run (the COG's blocks still cached), {peakRss / 1048576} MiB at most during its {memoryDone} distinct tiles over {memoryFiles.Count} files");
if (options.RssBudgetMib is { } budget)
{
    // The target bounds RSS over the many-file run; the larger figure before it is reported, not judged.
    var growth = (peakRss - startedRss) / 1048576;
    Console.WriteLine($"RSS growth since start during the memory run: {growth} MiB of a {budget} MiB budget ({(growth <= budget ? "within" : "OVER")}); before it: {(startRss - startedRss) / 1048576} MiB");
}
