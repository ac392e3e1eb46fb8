using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Options;
using Microsoft.Win32.SafeHandles;
using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// A file read through libvips, served on large_image's power-of-two tile pyramid. Each frame maps every
/// virtual level to a stored page or sub-IFD, or synthesises it from the next finer level. The opened page
/// images are shared by concurrent reads: libvips images are immutable and every read builds its own pipeline.
/// A read that copies JPEG tiles of a stored 8-bit RGB level skips libvips (<see cref="TiffJpegTiles"/>),
/// and a JPEG tile asked for exactly as stored is read without being decoded.
/// </summary>
internal sealed class VipsTileSource : ITileSource
{
    /// <summary>Long side of the image band statistics are computed on.</summary>
    private const int StatisticsSize = 2048;

    private readonly string path;
    private readonly TilePyramid pyramid;
    private readonly VipsLevel[][] frames;
    private readonly IReadOnlyDictionary<string, int> associatedPages;
    /// <summary>The layout's reader-specific metadata, shared by every source of the file and never changed.</summary>
    private readonly JsonObject layoutMetadata;
    private readonly List<string> warnings;
    private readonly PixelType pixelType;
    private readonly int bandCount;
    private readonly ConcurrentDictionary<int, Lazy<IReadOnlyList<BandInfo>>> bands = new();

    /// <summary>The file, for decoding its JPEG tiles directly; null when no level could qualify.</summary>
    private readonly SafeFileHandle? tiffFile;

    /// <param name="path">The file.</param>
    /// <param name="layout">Its pages, sorted.</param>
    /// <param name="opened">
    /// Stored levels' images already opened, which the source takes over (the others are disposed); the levels
    /// missing from it are opened on first use.
    /// </param>
    public VipsTileSource(string path, VipsLayout layout, IReadOnlyDictionary<VipsLayout.StoredLevel, Image> opened)
    {
        this.path = path;
        var full = layout.Frames[0][0];
        pixelType = VipsPixels.ToPixelType(layout.Format);
        bandCount = layout.Bands;
        var jpegCandidate = pixelType == PixelType.UInt8 && bandCount == 3 && layout.Frames.Any(f => f.Any(l => l.Page >= 0));
        tiffFile = jpegCandidate ? TiffJpegTiles.OpenFile(path) : null;
        var tileSize = TilePyramid.EdgeFor(layout.StoredTile?.Width, layout.StoredTile?.Height, LargeImageDefaults.TileSize);
        pyramid = new TilePyramid(full.Width, full.Height, tileSize, tileSize);
        associatedPages = layout.AssociatedPages;
        warnings = [.. layout.Warnings];
        frames = layout.Frames.Select(stored => BuildLevels(stored, opened)).ToArray();
        layoutMetadata = layout.Internal;
        var (indexRange, indexStride) = layout.FrameInfos is { } infos ? FrameAxes.Describe(infos) : (null, null);
        Metadata = new ImageMetadata
        {
            Levels = pyramid.Levels,
            SizeX = pyramid.SizeX,
            SizeY = pyramid.SizeY,
            TileWidth = tileSize,
            TileHeight = tileSize,
            Magnification = layout.Magnification,
            MmX = layout.MmX,
            MmY = layout.MmY,
            DType = pixelType.ToDType(),
            BandCount = bandCount,
            Frames = layout.FrameInfos,
            IndexRange = indexRange,
            IndexStride = indexStride,
            Channels = layout.Channels,
            ChannelMap = layout.Channels?.Select((name, c) => (name, c)).ToDictionary(e => e.name, e => e.c),
        };
    }

    public string Reader => VipsReader.ReaderName;

    public ImageMetadata Metadata { get; }

    public int FrameCount => frames.Length;

    public IReadOnlyList<string> AssociatedImageNames => associatedPages.Keys.ToList();

    /// <summary>Built on each call, which is rare, rather than on each open: a file's reader is opened again often.</summary>
    public JsonObject GetInternalMetadata()
    {
        var result = (JsonObject)layoutMetadata.DeepClone();
        result["tilePyramid"] = new JsonObject
        {
            ["levels"] = pyramid.Levels,
            ["storedLevels"] = new JsonArray(frames[0].Select((l, z) => (z, l)).Where(e => e.l.IsStored).Select(e => (JsonNode?)e.z).ToArray()),
        };
        result["warnings"] = new JsonArray([.. warnings.Select(w => (JsonNode?)w)]);
        return result;
    }

    public IReadOnlyList<BandInfo> GetBands(int frame)
    {
        var levels = Frame(frame);
        return bands.GetOrAdd(frame, _ => new Lazy<IReadOnlyList<BandInfo>>(() => Guard(() =>
        {
            var scale = Math.Max(pyramid.SizeX, pyramid.SizeY) / (double)StatisticsSize;
            var level = levels[pyramid.LevelForDownsample(Math.Max(1, scale))];
            return BandStatistics.Compute(level.Pixels);
        }))).Value;
    }

    public IReadOnlyList<BandInfo> GetBandLayout(int frame)
    {
        Frame(frame);
        return BandStatistics.Layout(bandCount);
    }

    public Raster ReadTile(int z, int x, int y, ReadOptions options)
    {
        var levels = Frame(options.Frame);
        var window = pyramid.TileWindow(z, x, y);
        return Guard(() => Read(levels[z], window, pyramid.TileWidth, pyramid.TileHeight, Enums.Kernel.Lanczos3));
    }

    public byte[]? ReadStoredJpegTile(int z, int x, int y, int frame)
    {
        var levels = Frame(frame);
        var window = pyramid.TileWindow(z, x, y);
        if (levels[z] is not { JpegTiles: { } tiles } level)
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
        var levels = Frame(options.Frame);
        var kernel = VipsPixels.KernelFor(options.Resampling, Enums.Kernel.Nearest);
        var downsample = Math.Min(window.Width / width, window.Height / height);
        return Guard(() => Read(levels[pyramid.LevelForDownsample(downsample)], window, width, height, kernel));
    }

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options)
    {
        var levels = Frame(options.Frame);
        if (x < 0 || y < 0 || x >= pyramid.SizeX || y >= pyramid.SizeY)
        {
            return null;
        }

        return Guard(() => levels[^1].Pixels.Getpoint((int)x, (int)y));
    }

    public Raster ReadAssociatedImage(string name)
    {
        if (!associatedPages.TryGetValue(name, out var page))
        {
            throw new ImageNotFoundException($"There is no associated image '{name}'.");
        }

        return Guard(() =>
        {
            using var image = VipsLayoutReader.LoadPage(path, page, null);
            return VipsPixels.ToRaster(image);
        });
    }

    public void Dispose()
    {
        foreach (var level in frames.SelectMany(f => f))
        {
            level.Dispose();
        }

        tiffFile?.Dispose();
    }

    private VipsLevel[] BuildLevels(
        IReadOnlyList<VipsLayout.StoredLevel> stored, IReadOnlyDictionary<VipsLayout.StoredLevel, Image> opened)
    {
        var levels = new VipsLevel[pyramid.Levels];
        var coarsestStored = stored.Max(s => s.Downsample);
        for (var z = pyramid.Levels - 1; z >= 0; z--)
        {
            var scale = pyramid.ScaleOf(z);
            var match = stored.FirstOrDefault(s => s.Downsample == scale);
            if (match.Downsample == scale)
            {
                var file = tiffFile;
                var image = opened.TryGetValue(match, out var open) ? new Lazy<Image>(open) : new(() => VipsLayoutReader.Open(path, match));
                levels[z] = VipsLevel.Stored(
                    image, match.Width, match.Height, scale, file is null ? null : () => TiffJpegTiles.TryOpen(path, file, match.Page, match.SubIfd));
                continue;
            }

            levels[z] = VipsLevel.Synthesise(levels[z + 1]);
            if (scale < coarsestStored && warnings.Count < 64)
            {
                warnings.Add($"Level {z} (downsample {scale}) is not stored in the file; it is synthesised from the next finer level.");
            }
        }

        foreach (var unused in stored.Where(s => levels.All(l => l.Downsample != s.Downsample)))
        {
            if (opened.TryGetValue(unused, out var image))
            {
                image.Dispose();
            }
        }

        return levels;
    }

    private VipsLevel[] Frame(int frame)
    {
        if (frame < 0 || frame >= frames.Length)
        {
            throw new InvalidParameterException("frame", $"Frame {frame} does not exist; frames are 0 to {frames.Length - 1}.");
        }

        return frames[frame];
    }

    private Raster Read(VipsLevel level, PixelWindow window, int width, int height, Enums.Kernel kernel)
    {
        var plan = RegionPlan.Compute(window, width, height, level.Downsample, level.Downsample, level.Width, level.Height);
        if (plan.IsEmpty)
        {
            return VipsPixels.Compose(null, plan, width, height, bandCount, pixelType);
        }

        if (plan.IsCopy && level.JpegTiles is { } tiles && CopyJpegTiles(tiles, plan, width, height) is { } copied)
        {
            return copied;
        }

        using var crop = level.Pixels.Crop(plan.CropX, plan.CropY, plan.CropWidth, plan.CropHeight);
        using var block = VipsPixels.Resample(crop, plan.OutWidth, plan.OutHeight, kernel);
        return VipsPixels.Compose(block, plan, width, height, bandCount, pixelType);
    }

    /// <summary>The plan's crop decoded straight into the raster; null when the tiles leave it to libvips.</summary>
    private static Raster? CopyJpegTiles(TiffJpegTiles tiles, RegionPlan plan, int width, int height)
    {
        const int Bands = 3;
        var raster = plan.RentLanding(width, height, Bands);
        if (tiles.TryCopy(plan, raster.Bytes.AsSpan(plan.LandingOffset(width, Bands)), width * Bands))
        {
            return raster;
        }

        raster.Release();
        return null;
    }

    /// <summary>The one place libvips read failures become the package's exception.</summary>
    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (VipsException e)
        {
            throw new NativeLibraryException("libvips", e.Message.Trim());
        }
    }
}
