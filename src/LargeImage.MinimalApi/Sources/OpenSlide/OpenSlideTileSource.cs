using System.Globalization;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Options;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Sources.Vips;
using Microsoft.Win32.SafeHandles;
using NetVips;
using Interop = LargeImage.MinimalApi.Native.Interop;

namespace LargeImage.MinimalApi.Sources.OpenSlide;

/// <summary>
/// A whole-slide image read through OpenSlide, served on large_image's power-of-two tile pyramid in the slide's own
/// tile size where it states one: each tile is read from the best OpenSlide level for its downsample and reduced when
/// that level is finer than the tile's.
/// OpenSlide handles are thread-safe, so one handle serves every concurrent request. The levels of Aperio and generic
/// tiled TIFF slides are TIFF pages; a read that copies or reduces their pixels decodes their JPEG tiles directly
/// (<see cref="TiffJpegTiles"/>), as the libvips reader does, or sends a tile that is one of them as stored, and
/// leaves the rest to OpenSlide.
/// </summary>
internal sealed class OpenSlideTileSource : ITileSource
{
    private const int Bands = 4;

    /// <summary>Level pixels read at a time when reducing, bounding memory for slides without small levels.</summary>
    private const int ChunkPixels = 4096 * 1024;

    private const int StatisticsSize = 2048;

    private readonly string path;
    private readonly Lock sync = new();
    private readonly OpenSlideFacts facts;
    private readonly TilePyramid pyramid;

    /// <summary>The levels tiles are read from: all but those <see cref="SmallerThanItsTile"/>.</summary>
    private readonly OpenSlideLevel[] readLevels;
    private readonly Lazy<IReadOnlyList<BandInfo>> bands;

    /// <summary>The file, for decoding JPEG tiles directly; null unless the vendor keeps levels as TIFF pages.</summary>
    private readonly SafeFileHandle? tiffFile;

    /// <summary>Per OpenSlide level index, its JPEG tiles when they can be decoded directly (found on first use).</summary>
    private readonly IReadOnlyDictionary<int, Lazy<TiffJpegTiles?>> jpegTiles;

    /// <summary>Null until a read needs OpenSlide: a reopen of a slide whose tiles are all decoded directly never does.</summary>
    private OpenSlideHandle? handle;

    /// <summary>
    /// Takes ownership of <paramref name="slide"/>, the handle <paramref name="facts"/> were read from, if any; a slide
    /// that states no usable tile size of its own (<see cref="TilePyramid.EdgeFor"/>) is served in
    /// <see cref="LargeImageDefaults.TileSize"/>.
    /// </summary>
    public OpenSlideTileSource(string path, OpenSlideFacts facts, OpenSlideHandle? slide)
    {
        this.path = path;
        this.facts = facts;
        handle = slide;
        var levels = facts.Levels;
        readLevels = [.. levels.Where(l => l.Index == 0 || !SmallerThanItsTile(l))];
        var tileSize = TilePyramid.EdgeFor(Number("openslide.level[0].tile-width"), Number("openslide.level[0].tile-height"), LargeImageDefaults.TileSize);
        pyramid = new TilePyramid(levels[0].Width, levels[0].Height, tileSize, tileSize);
        var mmX = Number("openslide.mpp-x") * 1e-3;
        var mmY = Number("openslide.mpp-y") * 1e-3;
        Metadata = new ImageMetadata
        {
            Levels = pyramid.Levels,
            SizeX = pyramid.SizeX,
            SizeY = pyramid.SizeY,
            TileWidth = tileSize,
            TileHeight = tileSize,
            // large_image estimates the magnification from the pixel size when the slide does not state it.
            Magnification = Number("openslide.objective-power") ?? (mmX is { } mm ? 0.01 / mm : null),
            MmX = mmX,
            MmY = mmY,
            DType = PixelType.UInt8.ToDType(),
            BandCount = Bands,
        };
        bands = new Lazy<IReadOnlyList<BandInfo>>(ComputeBands);
        tiffFile = facts.Vendor is "aperio" or "generic-tiff" ? TiffJpegTiles.OpenFile(path) : null;
        var file = tiffFile;
        jpegTiles = file is null
            ? new Dictionary<int, Lazy<TiffJpegTiles?>>()
            : levels.ToDictionary(l => l.Index, l => new Lazy<TiffJpegTiles?>(() => TiffJpegTiles.TryOpenBySize(path, file, l.Width, l.Height)));
    }

    public string Reader => OpenSlideReader.ReaderName;

    public ImageMetadata Metadata { get; }

    public int FrameCount => 1;

    public IReadOnlyList<string> AssociatedImageNames => facts.Associated.Keys.ToList();

    public JsonObject GetInternalMetadata()
    {
        var openslide = new JsonObject();
        foreach (var (name, value) in facts.Properties)
        {
            openslide[name] = value;
        }

        var result = new JsonObject
        {
            ["openslide"] = openslide,
            ["vendor"] = facts.Vendor,
            ["openslideVersion"] = Interop.OpenSlide.Version(),
            ["levels"] = new JsonArray(facts.Levels.Select(l => (JsonNode?)new JsonObject
            {
                ["level"] = l.Index,
                ["width"] = l.Width,
                ["height"] = l.Height,
                ["downsample"] = l.Downsample,
            }).ToArray()),
            ["associatedImages"] = new JsonArray(facts.Associated.Keys.Select(k => (JsonNode?)k).ToArray()),
        };
        if (facts.Properties.TryGetValue("openslide.comment", out var comment)
            && comment.Split('\n', 2)[0].Trim() is var leader && leader.Contains("aperio", StringComparison.OrdinalIgnoreCase))
        {
            result["aperio_version"] = leader;
        }

        if (Interop.OpenSlide.HasIccProfiles && WithSlide(Interop.OpenSlide.ReadIccProfile) is { } icc)
        {
            result["iccProfileBytes"] = icc.Length;
        }

        return result;
    }

    public IReadOnlyList<BandInfo> GetBands(int frame)
    {
        CheckFrame(frame);
        return bands.Value;
    }

    public IReadOnlyList<BandInfo> GetBandLayout(int frame)
    {
        CheckFrame(frame);
        return BandStatistics.Layout(Bands);
    }

    public Raster ReadTile(int z, int x, int y, ReadOptions options)
    {
        CheckFrame(options.Frame);
        var window = pyramid.TileWindow(z, x, y);
        return Read(window, pyramid.TileWidth, pyramid.TileHeight, pyramid.ScaleOf(z), Enums.Kernel.Lanczos3);
    }

    public byte[]? ReadStoredJpegTile(int z, int x, int y, int frame)
    {
        CheckFrame(frame);
        var window = pyramid.TileWindow(z, x, y);
        var level = LevelFor(pyramid.ScaleOf(z));
        if (JpegTilesOf(level) is not { } tiles)
        {
            return null;
        }

        var plan = RegionPlan.Compute(window, pyramid.TileWidth, pyramid.TileHeight, level.Downsample, level.Downsample, level.Width, level.Height);
        return tiles.TryReadStored(plan, pyramid.TileWidth, pyramid.TileHeight);
    }

    public TileCorners GetTileCorners(int z, int x, int y) => pyramid.Corners(z, x, y);

    public Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        CheckFrame(options.Frame);
        var kernel = VipsPixels.KernelFor(options.Resampling, Enums.Kernel.Nearest);
        return Read(window, width, height, Math.Min(window.Width / width, window.Height / height), kernel);
    }

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options)
    {
        CheckFrame(options.Frame);
        if (x < 0 || y < 0 || x >= pyramid.SizeX || y >= pyramid.SizeY)
        {
            return null;
        }

        var rgba = WithSlide(slide => Interop.OpenSlide.ReadRegion(slide, x, y, 0, 1, 1));
        return rgba.Select(b => (double)b).ToArray();
    }

    public Raster ReadAssociatedImage(string name)
    {
        if (!facts.Associated.TryGetValue(name, out var size))
        {
            throw new ImageNotFoundException($"There is no associated image '{name}'.");
        }

        var rgba = WithSlide(slide => Interop.OpenSlide.ReadAssociatedImage(slide, name, (int)size.Width, (int)size.Height));
        return Raster.FromBytes((int)size.Width, (int)size.Height, Bands, rgba);
    }

    public void Dispose()
    {
        handle?.Dispose();
        tiffFile?.Dispose();
    }

    /// <summary>Whether reads have copied level <paramref name="index"/>'s pixels by decoding its JPEG tiles without OpenSlide.</summary>
    internal bool DecodesJpegDirectly(int index) => jpegTiles.TryGetValue(index, out var tiles) && tiles.IsValueCreated && tiles.Value is not null;

    /// <summary>Whether an OpenSlide handle is open: a reopened slide gets one only when a read needs it.</summary>
    internal bool HasSlideHandle => Volatile.Read(ref handle) is not null;

    private Raster Read(PixelWindow window, int width, int height, double downsample, Enums.Kernel kernel)
    {
        var level = LevelFor(downsample);
        var plan = RegionPlan.Compute(window, width, height, level.Downsample, level.Downsample, level.Width, level.Height);
        if (plan.IsEmpty)
        {
            return VipsPixels.Compose(null, plan, width, height, Bands, PixelType.UInt8);
        }

        if (plan.IsCopy)
        {
            return CopyLevel(level, plan, width, height);
        }

        // A factor of 2 or more is box-reduced by its whole part in chunks, so the level crop is never held whole: for a
        // slide without small levels it can be the whole slide. What is left (under 2) goes to the kernel.
        var factor = downsample / level.Downsample;
        var isWhole = Math.Abs(factor - Math.Round(factor)) < 1e-9;
        var whole = isWhole ? Math.Round(factor) : Math.Floor(factor);
        using var block = whole >= 2
            ? ReadReduced(level, plan, (int)whole, isWhole ? null : kernel)
            : ReadResampled(level, plan, kernel);
        return VipsPixels.Compose(block, plan, width, height, Bands, PixelType.UInt8);
    }

    /// <summary>The level a read at <paramref name="downsample"/> comes from: OpenSlide's choice among the levels read.</summary>
    private OpenSlideLevel LevelFor(double downsample)
    {
        var best = facts.BestLevelFor(downsample);
        return readLevels.LastOrDefault(l => l.Index <= best && l.Downsample <= Math.Max(1, downsample) + 1e-9);
    }

    /// <summary>Reads the plan's crop straight into the raster: no libvips image and no intermediate copy.</summary>
    private Raster CopyLevel(OpenSlideLevel level, RegionPlan plan, int width, int height)
    {
        var raster = plan.RentLanding(width, height, Bands);
        if (JpegTilesOf(level)?.TryCopy(plan, raster.Bytes.AsSpan(plan.LandingOffset(width, Bands)), width * Bands, Bands) == true)
        {
            return raster;
        }

        return WithSlide(slide =>
        {
            Interop.OpenSlide.ReadRegion(
                slide,
                level.ToLevel0(plan.CropX),
                level.ToLevel0(plan.CropY),
                level.Index,
                plan.CropWidth,
                plan.CropHeight,
                raster.Bytes.AsSpan(plan.LandingOffset(width, Bands)),
                width * Bands);
            return raster;
        });
    }

    private TiffJpegTiles? JpegTilesOf(OpenSlideLevel level) => jpegTiles.TryGetValue(level.Index, out var tiles) ? tiles.Value : null;

    private Image ReadResampled(OpenSlideLevel level, RegionPlan plan, Enums.Kernel kernel)
    {
        using var image = ReadLevel(level, plan.CropX, plan.CropY, plan.CropWidth, plan.CropHeight);
        return VipsPixels.Resample(image, plan.OutWidth, plan.OutHeight, kernel);
    }

    /// <summary>
    /// Box-reduces by a whole factor in chunks of about <see cref="ChunkPixels"/> whose sides are multiples of it, so they
    /// join without seams; each is reduced into memory of its own before the next is read, so a read from a slide
    /// without small levels never holds more than one chunk of level pixels. Then resamples the result to the output
    /// size with <paramref name="rest"/>, or fits it when the factor was whole.
    /// </summary>
    private Image ReadReduced(OpenSlideLevel level, RegionPlan plan, int factor, Enums.Kernel? rest)
    {
        var chunkRows = Math.Max(factor, ChunkPixels / Math.Max(1, plan.CropWidth) / factor * factor);
        var chunkColumns = Math.Min(plan.CropWidth, Math.Max(factor, ChunkPixels / chunkRows / factor * factor));
        var across = (plan.CropWidth + chunkColumns - 1) / chunkColumns;
        var single = across == 1 && chunkRows >= plan.CropHeight;
        var chunks = new List<Image>();
        try
        {
            for (var row = 0; row < plan.CropHeight; row += chunkRows)
            {
                for (var column = 0; column < plan.CropWidth; column += chunkColumns)
                {
                    var (width, height) = (Math.Min(chunkColumns, plan.CropWidth - column), Math.Min(chunkRows, plan.CropHeight - row));
                    using var pixels = ReadLevel(level, plan.CropX + column, plan.CropY + row, width, height);
                    using var premultiplied = pixels.Premultiply();
                    using var shrunk = premultiplied.Shrink(factor, factor, ceil: true);
                    using var reduced = shrunk.Unpremultiply().Cast(Enums.BandFormat.Uchar);

                    // A lone chunk (most tiles) stays lazy: there is no next chunk to make room for.
                    chunks.Add(single ? reduced.Copy() : reduced.CopyMemory());
                }
            }

            // Arrayjoin pads every cell to the largest, so the last row and column are cut back to their own size.
            using var joined = chunks.Count == 1 ? chunks[0].Copy() : Image.Arrayjoin([.. chunks], across: across);
            using var exact = joined.Crop(0, 0, Reduced(plan.CropWidth, factor), Reduced(plan.CropHeight, factor));
            return rest is { } kernel
                ? VipsPixels.Resample(exact, plan.OutWidth, plan.OutHeight, kernel)
                : VipsPixels.FitExactly(exact, plan.OutWidth, plan.OutHeight);
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                chunk.Dispose();
            }
        }
    }

    /// <summary>The size <c>shrink</c> with <c>ceil</c> gives a side of <paramref name="size"/> pixels.</summary>
    private static int Reduced(int size, int factor) => (size + factor - 1) / factor;

    /// <summary>Level pixels to reduce or resample: decoded directly when the level's JPEG tiles allow, else by OpenSlide.</summary>
    private Image ReadLevel(OpenSlideLevel level, int x, int y, int width, int height)
    {
        var tiles = JpegTilesOf(level);
        var rgba = tiles is null ? null : new byte[width * height * Bands];
        if (tiles is null || !tiles.TryCopy(new RegionPlan(x, y, width, height, 0, 0, width, height), rgba, width * Bands, Bands))
        {
            rgba = WithSlide(slide => Interop.OpenSlide.ReadRegion(slide, level.ToLevel0(x), level.ToLevel0(y), level.Index, width, height));
        }

        using var pixels = Image.NewFromMemory(rgba, width, height, Bands, Enums.BandFormat.Uchar);
        return pixels.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private IReadOnlyList<BandInfo> ComputeBands()
    {
        var scale = Math.Max(1, Math.Max(pyramid.SizeX, pyramid.SizeY) / (double)StatisticsSize);
        var width = (int)Math.Max(1, Math.Round(pyramid.SizeX / scale));
        var height = (int)Math.Max(1, Math.Round(pyramid.SizeY / scale));
        var raster = Read(new PixelWindow(0, 0, pyramid.SizeX, pyramid.SizeY), width, height, scale, Enums.Kernel.Linear);
        using var image = Image.NewFromMemory(raster.Bytes!, width, height, Bands, Enums.BandFormat.Uchar);
        return BandStatistics.Compute(image);
    }

    /// <summary>
    /// Runs a call on the current handle. OpenSlide latches the first error on a handle forever, so after a
    /// failure the handle is replaced by a fresh one (in-flight calls keep the old one alive until they finish).
    /// </summary>
    private T WithSlide<T>(Func<OpenSlideHandle, T> call)
    {
        var slide = Volatile.Read(ref handle) ?? OpenHandle();
        try
        {
            return call(slide);
        }
        catch (NativeLibraryException)
        {
            Reopen(slide);
            throw;
        }
    }

    /// <exception cref="NativeLibraryException">OpenSlide no longer opens the file.</exception>
    private OpenSlideHandle OpenHandle()
    {
        lock (sync)
        {
            if (handle is { } opened)
            {
                return opened;
            }

            var fresh = Interop.OpenSlide.Open(path) ?? throw new NativeLibraryException("OpenSlide", "The slide is no longer recognised.");
            Volatile.Write(ref handle, fresh);
            return fresh;
        }
    }

    private void Reopen(OpenSlideHandle failed)
    {
        lock (sync)
        {
            if (!ReferenceEquals(handle, failed))
            {
                return;
            }

            OpenSlideHandle? fresh;
            try
            {
                fresh = Interop.OpenSlide.Open(path);
            }
            catch (NativeLibraryException)
            {
                return;
            }

            if (fresh is not null)
            {
                Volatile.Write(ref handle, fresh);
                failed.Dispose();
            }
        }
    }

    private void CheckFrame(int frame)
    {
        if (frame != 0)
        {
            throw new InvalidParameterException("frame", $"Frame {frame} does not exist; this image has a single frame 0.");
        }
    }

    /// <summary>
    /// Whether a reduced level is smaller than one of its own tiles. libtiff's fix for CVE-2025-9900 (Debian's
    /// 4.5.0-6+deb12u3 and later) clamps an RGBA tile read to the image, after which OpenSlide 3.4 returns wrong pixels
    /// for such a level (seen: black and shifted colours); the next finer level, reduced, gives the right ones, and
    /// such levels are small.
    /// </summary>
    private bool SmallerThanItsTile(OpenSlideLevel level) =>
        Number($"openslide.level[{level.Index}].tile-width") is { } tileWidth
        && Number($"openslide.level[{level.Index}].tile-height") is { } tileHeight
        && (level.Width < tileWidth || level.Height < tileHeight);

    private double? Number(string property) =>
        facts.Properties.TryGetValue(property, out var text)
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
