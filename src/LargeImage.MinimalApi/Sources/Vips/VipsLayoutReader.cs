using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using NetVips;
using StoredLevel = LargeImage.MinimalApi.Sources.Vips.VipsLayout.StoredLevel;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// Opens a file with libvips and sorts its pages: pyramid levels (reduced pages or sub-IFDs), frames
/// (OME planes, or same-size pages of a multi-page TIFF) and associated images (label, macro, thumbnail).
/// </summary>
internal static class VipsLayoutReader
{
    /// <summary>The loader libvips finds for a file with a TIFF header.</summary>
    private const string TiffLoader = "VipsForeignLoadTiffFile";

    /// <summary>Sorts the file's pages; returns the layout and the stored levels' images opened on the way.</summary>
    /// <exception cref="UnsupportedFileException">libvips cannot read the file.</exception>
    public static (VipsLayout Layout, Dictionary<StoredLevel, Image> Images) Read(string path)
    {
        var opened = new List<Image>();
        var images = new Dictionary<StoredLevel, Image>();
        try
        {
            // Asking libvips which loader fits opens the file once per loader it tries; a TIFF header settles it.
            var loader = (HasTiffHeader(path) ? TiffLoader : Image.FindLoad(path))
                ?? throw new UnsupportedFileException($"libvips does not recognise '{Path.GetFileName(path)}' as an image.");
            var tiff = loader.Contains("tiff", StringComparison.OrdinalIgnoreCase);
            var first = Track(opened, tiff ? LoadPage(path, 0, null) : OpenPlain(path));
            var layout = tiff ? ReadTiff(path, loader, first, opened, images) : Plain(loader, first, images);
            if (tiff)
            {
                Probe(images[layout.Frames[0][^1]]);
            }

            var kept = images.Values.ToHashSet();
            foreach (var image in opened.Where(i => !kept.Contains(i)))
            {
                image.Dispose();
            }

            return (layout, images);
        }
        catch (Exception e)
        {
            foreach (var image in opened)
            {
                image.Dispose();
            }

            if (e is VipsException)
            {
                throw new UnsupportedFileException($"libvips cannot read '{Path.GetFileName(path)}': {FirstLine(e.Message)}", e);
            }

            throw;
        }
    }

    /// <summary>Opens a stored level again, as <see cref="Read"/> opened it.</summary>
    public static Image Open(string path, StoredLevel level) => level.Page < 0
        ? OpenPlain(path)
        : LoadPage(path, level.Page, level.SubIfd < 0 ? null : level.SubIfd);

    private static Image OpenPlain(string path) => Image.NewFromFile(path, access: Enums.Access.Random, failOn: Enums.FailOn.Truncated);

    private static VipsLayout Plain(string loader, Image image, Dictionary<StoredLevel, Image> images) => new()
    {
        Loader = loader,
        Format = image.Format,
        Bands = image.Bands,
        Frames = [[Stored(images, image, 1)]],
        AssociatedPages = new Dictionary<string, int>(),
        Internal = new JsonObject
        {
            ["loader"] = loader,
            ["pages"] = new JsonArray(PageJson(0, image, "level")),
        },
        Warnings = [],
    };

    private static VipsLayout ReadTiff(string path, string loader, Image first, List<Image> opened, Dictionary<StoredLevel, Image> images)
    {
        var pageCount = Math.Max(1, VipsFields.GetInt(first, "n-pages") ?? 1);
        var pages = new List<Image>(pageCount) { first };
        for (var page = 1; page < pageCount; page++)
        {
            pages.Add(Track(opened, LoadPage(path, page, null)));
        }

        var warnings = new List<string>();
        var pageJson = new JsonArray();
        var description = VipsFields.GetString(first, "image-description");
        var ome = OmeMetadata.TryParse(description);
        if (OmeMetadata.LooksLikeOme(description) && ome is null)
        {
            warnings.Add("The OME-XML in the first page could not be parsed; pages are read as a plain TIFF.");
        }

        if (ome is not null && (ome.Planes.Count == 0 || ome.Planes.Any(p => p.Ifd >= pageCount)))
        {
            warnings.Add("The OME-XML names planes that are not in this file; pages are read as a plain TIFF.");
            ome = null;
        }

        var roles = new string[pageCount];
        var frames = new List<IReadOnlyList<StoredLevel>>();
        var associated = new Dictionary<string, int>(StringComparer.Ordinal);
        IReadOnlyList<FrameInfo>? frameInfos = null;
        IReadOnlyList<string>? channels = null;
        if (ome is not null)
        {
            foreach (var plane in ome.Planes)
            {
                frames.Add(WithSubIfds(path, pages[plane.Ifd], plane.Ifd, opened, images));
                roles[plane.Ifd] = $"frame {frames.Count - 1}";
            }

            frameInfos = ome.Planes.Select((p, i) => new FrameInfo { Frame = i, IndexC = p.C, IndexZ = p.Z, IndexT = p.T }).ToList();
            if (ome.ChannelNames.Count == ome.SizeC && ome.ChannelNames.All(n => !string.IsNullOrEmpty(n)))
            {
                channels = ome.ChannelNames!.ToList()!;
                frameInfos = frameInfos.Select(f => f with { Channel = channels[f.IndexC ?? 0] }).ToList();
            }
        }
        else
        {
            ClassifyPages(path, pages, roles, frames, associated, opened, images);
            if (frames.Count > 1)
            {
                frameInfos = frames.Select((_, i) => new FrameInfo { Frame = i }).ToList();
            }
        }

        for (var page = 0; page < pageCount; page++)
        {
            pageJson.Add(PageJson(page, pages[page], roles[page] ?? "unused"));
        }

        var aperio = AperioDescription.TryParse(description);
        var (mmX, mmY) = aperio?.Mpp is { } mpp ? (mpp * 1e-3, mpp * 1e-3)
            : ome is not null ? (ome.MmX, ome.MmY)
            : Resolution(first);
        var internalMetadata = new JsonObject { ["loader"] = loader, ["pages"] = pageJson };
        if (aperio is not null)
        {
            var values = new JsonObject { ["header"] = aperio.Header };
            foreach (var (key, value) in aperio.Values)
            {
                values[key] = value;
            }

            internalMetadata["aperio"] = values;
        }

        if (ome is not null)
        {
            internalMetadata["ome"] = new JsonObject
            {
                ["DimensionOrder"] = ome.DimensionOrder,
                ["SizeC"] = ome.SizeC,
                ["SizeZ"] = ome.SizeZ,
                ["SizeT"] = ome.SizeT,
            };
        }

        return new VipsLayout
        {
            Loader = loader,
            Format = first.Format,
            Bands = first.Bands,
            Frames = frames,
            AssociatedPages = associated,
            FrameInfos = frameInfos,
            Channels = channels,
            MmX = mmX,
            MmY = mmY,
            Magnification = aperio?.AppMag,
            Internal = internalMetadata,
            Warnings = warnings,
            StoredTile = StoredTileOf(path, frames[0][0]),
        };
    }

    private static (long Width, long Height)? StoredTileOf(string path, StoredLevel level) => TiffDirectory.ReadFile<(long, long)?>(
        path,
        stream => TiffDirectory.ReadPage(stream, level.Page, level.SubIfd) is { } directory
            && directory.Number(TiffTag.TileWidth) is { } width && directory.Number(TiffTag.TileLength) is { } height
            ? (width, height)
            : null,
        null);

    /// <summary>
    /// Pages the size of the first start a frame; pages that halve the current frame's base by a power of two
    /// (and look like it) are its levels; anything else (Aperio thumbnail, label, macro) is an associated image.
    /// </summary>
    private static void ClassifyPages(
        string path, List<Image> pages, string[] roles, List<IReadOnlyList<StoredLevel>> frames,
        Dictionary<string, int> associated, List<Image> opened, Dictionary<StoredLevel, Image> images)
    {
        var first = pages[0];
        List<StoredLevel>? current = null;
        for (var page = 0; page < pages.Count; page++)
        {
            var image = pages[page];
            var kind = AperioDescription.AssociatedKind(VipsFields.GetString(image, "image-description"));
            var alike = kind is null && image.Bands == first.Bands && image.Format == first.Format;
            if (alike && image.Width == first.Width && image.Height == first.Height)
            {
                current = WithSubIfds(path, image, page, opened, images);
                frames.Add(current);
                roles[page] = $"frame {frames.Count - 1}";
                continue;
            }

            var downsample = alike ? NominalDownsample(first.Width, first.Height, image.Width, image.Height) : null;
            if (current is not null && downsample is { } d && d > current[^1].Downsample)
            {
                current.Add(Stored(images, image, d, page));
                roles[page] = $"level of frame {frames.Count - 1} (downsample {d})";
                continue;
            }

            var name = kind ?? (page == 1 ? "thumbnail" : $"image_{page}");
            if (!associated.TryAdd(name, page))
            {
                name = $"image_{page}";
                associated[name] = page;
            }

            roles[page] = $"associated {name}";
        }
    }

    /// <summary>A page and the reduced-resolution sub-IFDs stored under it (the OME-TIFF pyramid layout).</summary>
    private static List<StoredLevel> WithSubIfds(
        string path, Image page, int pageIndex, List<Image> opened, Dictionary<StoredLevel, Image> images)
    {
        var levels = new List<StoredLevel> { Stored(images, page, 1, pageIndex) };
        var subIfds = VipsFields.GetInt(page, "n-subifds") ?? 0;
        for (var subIfd = 0; subIfd < subIfds; subIfd++)
        {
            var image = Track(opened, LoadPage(path, pageIndex, subIfd));
            if (image.Bands == page.Bands && image.Format == page.Format
                && NominalDownsample(page.Width, page.Height, image.Width, image.Height) is { } d && d > levels[^1].Downsample)
            {
                levels.Add(Stored(images, image, d, pageIndex, subIfd));
            }
        }

        return levels;
    }

    private static StoredLevel Stored(Dictionary<StoredLevel, Image> images, Image image, long downsample, int page = -1, int subIfd = -1)
    {
        var level = new StoredLevel(image.Width, image.Height, downsample, page, subIfd);
        images[level] = image;
        return level;
    }

    /// <summary>The power of two a level is reduced by, allowing writers' rounding; null when it is not one.</summary>
    private static long? NominalDownsample(long baseWidth, long baseHeight, long width, long height)
    {
        if (width <= 0 || height <= 0 || width >= baseWidth)
        {
            return null;
        }

        var power = (int)Math.Round(Math.Log2((double)baseWidth / width));
        var downsample = 1L << Math.Clamp(power, 0, 62);
        bool Near(long full, long actual)
        {
            var expected = (double)full / downsample;
            return Math.Abs(expected - actual) <= Math.Max(1, expected * 0.01);
        }

        return power >= 1 && Near(baseWidth, width) && Near(baseHeight, height) ? downsample : null;
    }

    /// <summary>Pixel size from TIFF resolution tags, only when they carry a real unit and value (libvips stores pixels/mm).</summary>
    private static (double? X, double? Y) Resolution(Image image)
    {
        var unit = VipsFields.GetString(image, "resolution-unit");
        return unit is "cm" or "in" && IsMeasured(image.Xres, unit) && IsMeasured(image.Yres, unit)
            ? (1 / image.Xres, 1 / image.Yres)
            : (null, null);

        // 1, 72 and 96 per inch are what writers put when they know nothing; large_image's users would rather see
        // no scale than a screen's.
        static bool IsMeasured(double pixelsPerMm, string unit)
        {
            var perUnit = pixelsPerMm * (unit == "in" ? 25.4 : 10);
            return pixelsPerMm > 0 && Math.Abs(perUnit - 1) > 1e-3 && Math.Abs(perUnit - 72) > 1e-3 && Math.Abs(perUnit - 96) > 1e-3;
        }
    }

    /// <summary>
    /// Opens one TIFF page or sub-IFD. Failing on warnings matters: libtiff reports tiles it cannot decode (e.g. a
    /// compression the bundled build lacks, such as ZSTD) as warnings, and libvips would otherwise return black.
    /// </summary>
    public static Image LoadPage(string path, int page, int? subIfd) =>
        Image.Tiffload(path, page: page, subifd: subIfd, access: Enums.Access.Random, failOn: Enums.FailOn.Warning);

    /// <summary>
    /// Decodes one pixel of the coarsest stored level, so a file whose headers parse but whose tiles cannot be
    /// decoded is refused at open (and another reader can take it) instead of failing on every tile.
    /// </summary>
    private static void Probe(Image coarsest)
    {
        using var pixel = coarsest.Crop(0, 0, 1, 1);
        _ = pixel.Avg();
    }

    /// <summary>Whether the file starts as a TIFF; false when it cannot be read, which libvips then reports.</summary>
    private static bool HasTiffHeader(string path)
    {
        Span<byte> header = stackalloc byte[4];
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return RandomAccess.Read(file, header, 0) == header.Length && TiffDirectory.IsTiff(header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static JsonObject PageJson(int page, Image image, string role) =>
        new()
        {
            ["page"] = page,
            ["role"] = role,
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["bands"] = image.Bands,
            ["format"] = image.Format.ToString().ToLowerInvariant(),
            ["fields"] = VipsFields.ToJson(image),
        };

    private static Image Track(List<Image> opened, Image image)
    {
        opened.Add(image);
        return image;
    }

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
}
