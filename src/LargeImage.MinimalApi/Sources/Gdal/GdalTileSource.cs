using System.Globalization;
using System.Text.Json.Nodes;
using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Native;
using LargeImage.MinimalApi.Options;

namespace LargeImage.MinimalApi.Sources.Gdal;

/// <summary>
/// A raster read through GDAL, in its native pixel grid or warped into a projected tile grid (web-mercator), with
/// large_image's GDAL source semantics. Thread-safe: all state is immutable after open, and every read rents its own
/// dataset handle from <see cref="GdalDatasetPool"/>.
/// </summary>
/// <remarks>
/// In a projected grid, a tile inside the world that does not touch the image comes back fully masked (every
/// <see cref="Raster.Mask"/> byte 0) without reading anything; <see cref="TouchesImage"/> answers the same question
/// up front.
/// </remarks>
internal sealed class GdalTileSource : ITileSource, IGeoreferencedSource
{
    public const string ReaderName = "gdal";

    private const int TileSize = LargeImageDefaults.TileSize;

    /// <summary>
    /// Side, in blocks, of the source regions whose warped tiles share a dataset handle. Six concurrent reads of each 4 × 3
    /// viewport of the benchmark COG took 10.6–13.2 ms of CPU a tile without a key, 9.6–11.5 with a region of one block
    /// and 7.9–8.3 with 4 × 4 blocks (7.3–8.2 read one at a time), in the same or less wall time; scattered tiles did
    /// not change.
    /// </summary>
    private const int WarpRegionBlocks = 4;

    private readonly GdalDatasetPool pool;
    private readonly int[] overviewWidths;
    private readonly GdalDatasetPool[] overviewPools;
    private readonly (int Width, int Height) blockSize;
    private readonly int width;
    private readonly int height;
    private readonly int bandCount;
    private readonly int[] bandMap;
    private readonly bool signedByte;
    private readonly GdalMaskFlags maskFlags;
    private readonly int sourceLevels;
    private readonly int levels;
    private readonly (double XMin, double YMin, double XMax, double YMax)? gridBounds;
    private readonly Lazy<IReadOnlyList<BandInfo>> bands;
    private readonly Lazy<IReadOnlyList<BandInfo>> bandLayout;
    private readonly Lazy<ImageMetadata> metadata;

    private GdalTileSource(GdalDatasetHandle dataset, string path, ProjectedGrid? grid, int handlesPerFile)
    {
        Path = path;
        width = Interop.Gdal.GetRasterXSize(dataset);
        height = Interop.Gdal.GetRasterYSize(dataset);
        bandCount = Interop.Gdal.GetRasterCount(dataset);
        if (bandCount == 0 || width <= 0 || height <= 0)
        {
            throw new UnsupportedFileException($"GDAL opened {System.IO.Path.GetFileName(path)} but it has no raster bands.");
        }

        bandMap = Enumerable.Range(1, bandCount).ToArray();
        var band1 = Interop.Gdal.GetRasterBand(dataset, 1);
        (PixelType, signedByte) = ReadPixelType(dataset, band1, bandCount);
        maskFlags = Interop.Gdal.GetMaskFlags(band1);
        sourceLevels = NativeLevels(width, height);
        Georeference = GdalGeoreference.Read(dataset);
        Grid = grid;
        if (grid is not null)
        {
            if (Georeference is null)
            {
                throw new InvalidParameterException("projection", "The image is not georeferenced, so it cannot be opened in a projection.");
            }

            if (!double.IsFinite(Georeference.PixelSizeInMeters) || Georeference.PixelSizeInMeters <= 0)
            {
                throw new InvalidParameterException("projection", "The image's georeferencing gives no usable ground resolution.");
            }

            levels = grid.LevelsFor(Georeference.PixelSizeInMeters);
            gridBounds = TryOutlineEnvelope(Georeference, grid.Name, width, height);
        }
        else
        {
            levels = sourceLevels;
        }

        pool = new GdalDatasetPool(dataset, handlesPerFile, () => OpenHandle(path));
        blockSize = Interop.Gdal.GetBlockSize(band1);
        overviewWidths = Enumerable.Range(0, Interop.Gdal.GetOverviewCount(band1))
            .Select(i => Interop.Gdal.GetBandSize(Interop.Gdal.GetOverview(band1, i)).Width)
            .ToArray();
        overviewPools = Enumerable.Range(0, overviewWidths.Length)
            .Select(level => new GdalDatasetPool(null, handlesPerFile, () => OpenHandle(path, level)))
            .ToArray();
        bands = new Lazy<IReadOnlyList<BandInfo>>(() => ReadBands(statistics: true));
        bandLayout = new Lazy<IReadOnlyList<BandInfo>>(() => ReadBands(statistics: false));
        metadata = new Lazy<ImageMetadata>(BuildMetadata);
    }

    public string Reader => ReaderName;

    public ImageMetadata Metadata => metadata.Value;

    public int FrameCount => 1;

    public IReadOnlyList<string> AssociatedImageNames => [];

    public bool IsGeoreferenced => Georeference is not null;

    /// <summary>The file or VSI path this source reads.</summary>
    internal string Path { get; }

    /// <summary>The sample type every read returns.</summary>
    internal PixelType PixelType { get; }

    /// <summary>The source's georeferencing; null for plain images.</summary>
    internal GdalGeoreference? Georeference { get; }

    /// <summary>The projected grid the source was opened in; null for its native pixel grid.</summary>
    internal ProjectedGrid? Grid { get; }

    /// <summary>
    /// Opens a file. GDAL errors (missing, corrupt, not a raster) surface as <see cref="NativeLibraryException"/>;
    /// the reader turns them into <see cref="UnsupportedFileException"/>.
    /// </summary>
    /// <exception cref="InvalidParameterException">The projection is unknown, geographic, or the image is not georeferenced.</exception>
    public static GdalTileSource Open(string path, string? projection, int handlesPerFile = LargeImageDefaults.DatasetHandlesPerFile) =>
        Open(OpenHandle(path), path, projection, handlesPerFile);

    /// <summary>As <see cref="Open(string, string?, int)"/>, on a handle of the file that the source takes over, even when it throws.</summary>
    public static GdalTileSource Open(GdalDatasetHandle dataset, string path, string? projection, int handlesPerFile)
    {
        try
        {
            var grid = projection is null ? null : ProjectedGrid.Parse(projection, TileSize);
            return new GdalTileSource(dataset, path, grid, handlesPerFile);
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A dataset handle for exclusive use until the lease is disposed, for operations outside this class such as
    /// <c>GDALTranslate</c> of a region. Never keep a band or the handle past the lease.
    /// </summary>
    internal GdalDatasetPool.Lease RentDataset() => pool.Rent();

    /// <summary>Whether tile (z, x, y) of the projected grid overlaps the image's envelope (always true in the native grid).</summary>
    public bool TouchesImage(int z, int x, int y)
    {
        if (Grid is null)
        {
            return true;
        }

        var (xmin, ymin, xmax, ymax) = Grid.TileBounds(z, x, y);
        return Overlaps(xmin, ymin, xmax, ymax);
    }

    public JsonObject GetInternalMetadata()
    {
        using var lease = pool.Rent();
        return GdalInternalMetadata.Build(lease.Handle, Georeference);
    }

    public IReadOnlyList<BandInfo> GetBands(int frame) => bands.Value;

    public IReadOnlyList<BandInfo> GetBandLayout(int frame) => bands.IsValueCreated ? bands.Value : bandLayout.Value;

    public Raster ReadTile(int z, int x, int y, ReadOptions options)
    {
        CheckTile(z, x, y);
        var resampling = GdalResampling.Parse(options.Resampling);
        if (Grid is null)
        {
            var scale = Math.Pow(2, levels - 1 - z) * TileSize;
            var block = GdalDatasetPool.BlockKey(z, (x + 0.5) * TileSize, (y + 0.5) * TileSize, blockSize);
            return ReadNative(new PixelWindow(x * scale, y * scale, scale, scale), TileSize, TileSize, resampling, block);
        }

        if (!TouchesImage(z, x, y))
        {
            return Empty(TileSize, TileSize);
        }

        var (xmin, ymin, xmax, ymax) = Grid.TileBounds(z, x, y);
        return ReadWarped(xmin, ymin, xmax, ymax, TileSize, TileSize, resampling);
    }

    public TileCorners GetTileCorners(int z, int x, int y)
    {
        CheckTile(z, x, y);
        if (Grid is not null)
        {
            var (xmin, ymin, xmax, ymax) = Grid.TileBounds(z, x, y);
            return new TileCorners(xmin, xmax, ymin, ymax) { Units = Grid.Name };
        }

        // large_image reports native-grid corners with y measured up from the bottom edge, like a projection.
        var scale = Math.Pow(2, sourceLevels - 1 - z) * TileSize;
        var (left, top) = (x * scale, y * scale);
        return new TileCorners(left, left + scale, height - (top + scale), height - top) { Units = "pixels" };
    }

    public Raster ReadRegion(PixelWindow window, int width, int height, ReadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (window.Width <= 0 || window.Height <= 0)
        {
            throw new InvalidParameterException("region", "The region is empty.");
        }

        var resampling = GdalResampling.Parse(options.Resampling);
        if (Grid is null)
        {
            return ReadNative(window, width, height, resampling);
        }

        var (xmin, ymax) = Grid.PixelToProjected(window.Left, window.Top, levels);
        var (xmax, ymin) = Grid.PixelToProjected(window.Right, window.Bottom, levels);
        if (!Overlaps(xmin, ymin, xmax, ymax))
        {
            return Empty(width, height);
        }

        return ReadWarped(xmin, ymin, xmax, ymax, width, height, resampling);
    }

    public IReadOnlyList<double>? ReadPixel(long x, long y, ReadOptions options)
    {
        var (px, py) = ((double)x, (double)y);
        if (Grid is not null && Georeference is not null)
        {
            var size = Math.Pow(2, levels - 1) * TileSize;
            if (x < 0 || y < 0 || x >= size || y >= size)
            {
                return null;
            }

            var (mx, my) = Grid.PixelToProjected(x + 0.5, y + 0.5, levels);
            if (!TryProjectedToSourcePixel(mx, my, out px, out py))
            {
                return null;
            }
        }

        var (ix, iy) = (Math.Floor(px), Math.Floor(py));
        if (ix < 0 || iy < 0 || ix >= width || iy >= height)
        {
            return null;
        }

        var values = new double[bandCount];
        using var lease = pool.Rent();
        var extra = GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour);
        Interop.Gdal.DatasetRasterIO<double>(
            lease.Handle, (int)ix, (int)iy, 1, 1, values, 1, 1, GdalDataType.Float64, bandMap, bandCount * sizeof(double), extra);
        if (signedByte)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (sbyte)(byte)values[i];
            }
        }

        return values;
    }

    public IReadOnlyList<(double X, double Y)> ToPixels(string crs, IReadOnlyList<(double X, double Y)> points) =>
        GdalPixelLocator.ToPixels(
            Georeference ?? throw new InvalidParameterException("units", "The image is not georeferenced, so CRS units do not apply."),
            Grid,
            levels,
            crs,
            points);

    public void WriteGeoTiff(string destination, PixelWindow window, int width, int height, ReadOptions options, Rendering.RgbaImage? rendered)
    {
        var georeference = Georeference ?? throw new InvalidOperationException("Only a georeferenced image is written as a GeoTIFF.");
        if (rendered is not null)
        {
            GdalGeoTiffWriter.WriteRendered(georeference, Grid, levels, destination, window, rendered);
            return;
        }

        using var lease = pool.Rent();
        GdalGeoTiffWriter.WriteRaw(lease.Handle, georeference, Grid, levels, destination, window, width, height, GdalResampling.Parse(options.Resampling));
    }

    public Raster ReadAssociatedImage(string name) =>
        throw new ImageNotFoundException($"The image has no associated image '{name}'.");

    public void Dispose()
    {
        pool.Dispose();
        foreach (var overview in overviewPools)
        {
            overview.Dispose();
        }
    }

    internal static int NativeLevels(long width, long height) =>
        Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Max(width, height) / (double)TileSize))) + 1;

    private static GdalDatasetHandle OpenHandle(string path, int? overview = null) =>
        Interop.Gdal.OpenEx(path, overview is { } level ? [$"OVERVIEW_LEVEL={level.ToString(CultureInfo.InvariantCulture)}"] : null);

    private static (PixelType Type, bool SignedByte) ReadPixelType(GdalDatasetHandle dataset, nint band1, int count)
    {
        var type = Interop.Gdal.GetRasterDataType(band1);
        for (var b = 2; b <= count; b++)
        {
            if (Interop.Gdal.GetRasterDataType(Interop.Gdal.GetRasterBand(dataset, b)) != type)
            {
                return (PixelType.Float64, false);
            }
        }

        // GDAL before 3.7 has no Int8 type: signed bytes are Byte bands flagged in IMAGE_STRUCTURE.
        var signedByte = type == GdalDataType.Byte &&
            Interop.Gdal.GetMetadataItem(band1, "PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE";
        return type switch
        {
            GdalDataType.Byte when signedByte => (PixelType.Int8, true),
            GdalDataType.Byte => (PixelType.UInt8, false),
            GdalDataType.Int8 => (PixelType.Int8, false),
            GdalDataType.UInt16 => (PixelType.UInt16, false),
            GdalDataType.Int16 => (PixelType.Int16, false),
            GdalDataType.UInt32 => (PixelType.UInt32, false),
            GdalDataType.Int32 => (PixelType.Int32, false),
            GdalDataType.Float32 => (PixelType.Float32, false),
            _ => (PixelType.Float64, false),
        };
    }

    private static (double, double, double, double)? TryOutlineEnvelope(GdalGeoreference georeference, string srs, int width, int height)
    {
        try
        {
            return georeference.OutlineEnvelope(srs, width, height);
        }
        catch (NativeLibraryException)
        {
            // Without an envelope every tile is warped; the warper itself then finds where the image is.
            return null;
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private bool Overlaps(double xmin, double ymin, double xmax, double ymax) =>
        gridBounds is not { } b || (xmin < b.XMax && xmax > b.XMin && ymin < b.YMax && ymax > b.YMin);

    private void CheckTile(int z, int x, int y)
    {
        if (z < 0 || z >= levels)
        {
            throw new TileOutOfRangeException($"z={z} is outside the pyramid (levels 0 to {levels - 1}).");
        }

        long tilesX, tilesY;
        if (Grid is not null)
        {
            tilesX = tilesY = 1L << z;
        }
        else
        {
            var scale = Math.Pow(2, levels - 1 - z) * TileSize;
            tilesX = (long)Math.Ceiling(width / scale);
            tilesY = (long)Math.Ceiling(height / scale);
        }

        if (x < 0 || y < 0 || x >= tilesX || y >= tilesY)
        {
            throw new TileOutOfRangeException($"Tile {x},{y} is outside level {z} ({tilesX}x{tilesY} tiles).");
        }
    }

    private Raster Empty(int outWidth, int outHeight) => PixelType == PixelType.UInt8
        ? Raster.FromBytes(outWidth, outHeight, bandCount, PixelBuffers.Rent(outWidth * outHeight * bandCount, clear: true), new byte[outWidth * outHeight])
        : Raster.FromValues(outWidth, outHeight, bandCount, PixelType, new double[outWidth * outHeight * bandCount], new byte[outWidth * outHeight]);

    /// <summary>
    /// Reads a window of the native grid resampled to the output size. RasterIO with a smaller buffer lets GDAL read
    /// from the matching overview. The part of the window beyond the image stays zero and masked. A tile names the
    /// block its centre lies in (<paramref name="block"/>), so its neighbours read on the handle that decoded it.
    /// </summary>
    private Raster ReadNative(PixelWindow window, int outWidth, int outHeight, GdalResampling resampling, long block = GdalDatasetPool.NoBlock)
    {
        var left = Math.Max(window.Left, 0);
        var top = Math.Max(window.Top, 0);
        var right = Math.Min(window.Right, width);
        var bottom = Math.Min(window.Bottom, height);
        if (right <= left || bottom <= top)
        {
            return Empty(outWidth, outHeight);
        }

        var bx0 = Math.Min((int)Math.Round((left - window.Left) * outWidth / window.Width), outWidth - 1);
        var by0 = Math.Min((int)Math.Round((top - window.Top) * outHeight / window.Height), outHeight - 1);
        var bw = Math.Clamp((int)Math.Round((right - window.Left) * outWidth / window.Width) - bx0, 1, outWidth - bx0);
        var bh = Math.Clamp((int)Math.Round((bottom - window.Top) * outHeight / window.Height) - by0, 1, outHeight - by0);

        var xOff = (int)Math.Floor(left);
        var yOff = (int)Math.Floor(top);
        var xSize = Math.Max(1, (int)Math.Ceiling(right) - xOff);
        var ySize = Math.Max(1, (int)Math.Ceiling(bottom) - yOff);
        var integral = xOff == left && yOff == top && xOff + xSize == right && yOff + ySize == bottom;
        var extra = integral
            ? GdalRasterIOExtraArg.Create(resampling.RasterIO)
            : GdalRasterIOExtraArg.Create(resampling.RasterIO, left, top, right - left, bottom - top);

        var pixels = outWidth * outHeight;
        var start = (by0 * outWidth) + bx0;
        var mask = new byte[pixels];
        using var lease = pool.Rent(block);
        byte[]? bytes = null;
        double[]? values = null;
        if (PixelType == PixelType.UInt8 || signedByte)
        {
            // Only the part of the window inside the image is read; the rest must be zero.
            bytes = PixelBuffers.Rent(pixels * bandCount, clear: bw != outWidth || bh != outHeight);
            Interop.Gdal.DatasetRasterIO<byte>(
                lease.Handle, xOff, yOff, xSize, ySize, bytes.AsSpan(start * bandCount), bw, bh, GdalDataType.Byte,
                bandMap, (long)outWidth * bandCount, extra);
        }
        else
        {
            values = new double[pixels * bandCount];
            Interop.Gdal.DatasetRasterIO<double>(
                lease.Handle, xOff, yOff, xSize, ySize, values.AsSpan(start * bandCount), bw, bh, GdalDataType.Float64,
                bandMap, (long)outWidth * bandCount * sizeof(double), extra);
        }

        var maskExtra = integral
            ? GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour)
            : GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour, left, top, right - left, bottom - top);
        ReadMask(lease.Handle, xOff, yOff, xSize, ySize, mask.AsSpan(start), bw, bh, outWidth, maskExtra);
        return ToRaster(outWidth, outHeight, bytes, values, mask);
    }

    /// <summary>
    /// Fills the validity mask of the read window. Per-band nodata masks are combined so that a pixel is invalid only
    /// when every band is nodata (a black pixel in one band of an RGB image is still data).
    /// </summary>
    private void ReadMask(
        GdalDatasetHandle dataset, int xOff, int yOff, int xSize, int ySize, Span<byte> mask, int bw, int bh, int lineSpace, in GdalRasterIOExtraArg extra)
    {
        if (maskFlags.HasFlag(GdalMaskFlags.AllValid))
        {
            for (var row = 0; row < bh; row++)
            {
                mask.Slice(row * lineSpace, bw).Fill(255);
            }

            return;
        }

        var perBand = maskFlags.HasFlag(GdalMaskFlags.NoData) && bandCount > 1;
        var bandsToRead = perBand ? bandCount : 1;
        var scratch = perBand ? new byte[bw * bh] : null;
        for (var b = 1; b <= bandsToRead; b++)
        {
            var maskBand = Interop.Gdal.GetMaskBand(Interop.Gdal.GetRasterBand(dataset, b));
            if (scratch is null)
            {
                Interop.Gdal.RasterIO<byte>(maskBand, xOff, yOff, xSize, ySize, mask, bw, bh, GdalDataType.Byte, 1, lineSpace, extra);
                continue;
            }

            Interop.Gdal.RasterIO<byte>(maskBand, xOff, yOff, xSize, ySize, scratch, bw, bh, GdalDataType.Byte, 1, bw, extra);
            for (var row = 0; row < bh; row++)
            {
                var target = mask.Slice(row * lineSpace, bw);
                var source = scratch.AsSpan(row * bw, bw);
                for (var i = 0; i < bw; i++)
                {
                    target[i] |= source[i];
                }
            }
        }

        for (var row = 0; row < bh; row++)
        {
            var target = mask.Slice(row * lineSpace, bw);
            for (var i = 0; i < bw; i++)
            {
                target[i] = target[i] == 0 ? (byte)0 : (byte)255;
            }
        }
    }

    /// <summary>
    /// Warps an extent of the projected grid through the gdalwarp library entry point into an in-memory dataset, so
    /// tiles are exactly what <c>gdalwarp -t_srs … -te … -ts … -r …</c> makes. <c>-dstalpha</c> adds an alpha band
    /// that records where the source had data (nodata, masks and a source alpha band all feed it); when the source
    /// has an alpha band of its own, gdalwarp reuses that slot, so the last warped band is the mask either way. The
    /// overview gdalwarp would warp from is chosen by <see cref="GdalWarpOverview"/> and read through a pooled handle.
    /// </summary>
    private Raster ReadWarped(double xmin, double ymin, double xmax, double ymax, int outWidth, int outHeight, GdalResampling resampling)
    {
        var args = new List<string>
        {
            "-of", "MEM", "-t_srs", Grid!.Name,
            "-te", Format(xmin), Format(ymin), Format(xmax), Format(ymax),
            "-ts", outWidth.ToString(CultureInfo.InvariantCulture), outHeight.ToString(CultureInfo.InvariantCulture),
            "-r", resampling.WarpName, "-dstalpha",
        };
        if (Georeference!.AssumedWgs84)
        {
            args.AddRange(["-s_srs", "EPSG:4326"]);
        }

        var source = pool;
        var block = GdalDatasetPool.NoBlock;
        if (!Georeference.FromGcps)
        {
            // A GCP-georeferenced source is left to gdalwarp's own choice: its transformer is not the geotransform's.
            var choice = GdalWarpOverview.Choose(Georeference, Grid.Name, (xmin, ymin, xmax, ymax), outWidth, outHeight, width, overviewWidths);
            source = choice.Level < 0 ? pool : overviewPools[choice.Level];
            args.AddRange(["-ovr", "NONE"]);

            // The tiles of a viewport warp from overlapping, unevenly straddled source blocks, which every handle decodes
            // into a cache of its own: tiles centred in one region of WarpRegionBlocks² blocks of the level take one handle.
            if (double.IsFinite(choice.CentreColumn) && double.IsFinite(choice.CentreRow))
            {
                var reduction = choice.Level < 0 ? 1.0 : (double)width / overviewWidths[choice.Level];
                block = GdalDatasetPool.BlockKey(
                    choice.Level + 1,
                    choice.CentreColumn / reduction,
                    choice.CentreRow / reduction,
                    (blockSize.Width * WarpRegionBlocks, blockSize.Height * WarpRegionBlocks));
            }
        }

        var pixels = outWidth * outHeight;
        var mask = new byte[pixels];
        byte[]? bytes = null;
        double[]? values = null;
        using (var lease = source.Rent(block))
        using (var warped = Interop.Gdal.Warp(string.Empty, lease.Handle, args))
        {
            var extra = GdalRasterIOExtraArg.Create(GdalRasterIOResampleAlg.NearestNeighbour);
            if (PixelType == PixelType.UInt8 || signedByte)
            {
                bytes = PixelBuffers.Rent(pixels * bandCount, clear: false);
                Interop.Gdal.DatasetRasterIO<byte>(
                    warped, 0, 0, outWidth, outHeight, bytes, outWidth, outHeight, GdalDataType.Byte, bandMap, (long)outWidth * bandCount, extra);
            }
            else
            {
                values = new double[pixels * bandCount];
                Interop.Gdal.DatasetRasterIO<double>(
                    warped, 0, 0, outWidth, outHeight, values, outWidth, outHeight, GdalDataType.Float64, bandMap,
                    (long)outWidth * bandCount * sizeof(double), extra);
            }

            var alpha = Interop.Gdal.GetRasterBand(warped, Interop.Gdal.GetRasterCount(warped));
            Interop.Gdal.RasterIO<byte>(alpha, 0, 0, outWidth, outHeight, mask, outWidth, outHeight, GdalDataType.Byte, 1, outWidth, extra);
        }

        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = mask[i] == 0 ? (byte)0 : (byte)255;
        }

        return ToRaster(outWidth, outHeight, bytes, values, mask);
    }

    private Raster ToRaster(int outWidth, int outHeight, byte[]? bytes, double[]? values, byte[] mask)
    {
        var finalMask = Array.IndexOf(mask, (byte)0) < 0 ? null : mask;
        if (PixelType == PixelType.UInt8)
        {
            return Raster.FromBytes(outWidth, outHeight, bandCount, bytes!, finalMask);
        }

        if (signedByte)
        {
            values = Array.ConvertAll(bytes!, b => (double)(sbyte)b);
        }

        return Raster.FromValues(outWidth, outHeight, bandCount, PixelType, values!, finalMask);
    }

    private bool TryProjectedToSourcePixel(double x, double y, out double px, out double py)
    {
        (px, py) = (double.NaN, double.NaN);
        using var from = Interop.Gdal.SrsFromUserInput(Grid!.Name);
        using var to = Interop.Gdal.SrsFromWkt(Georeference!.Wkt);
        using var transformation = Interop.Gdal.NewCoordinateTransformation(from, to);
        Span<double> xs = [x];
        Span<double> ys = [y];
        Span<int> ok = [0];
        if (!Interop.Gdal.Transform(transformation, xs, ys, ok) || !double.IsFinite(xs[0]) || !double.IsFinite(ys[0]))
        {
            return false;
        }

        (px, py) = Georeference.ToPixel(xs[0], ys[0]);
        return true;
    }

    private IReadOnlyList<BandInfo> ReadBands(bool statistics)
    {
        using var lease = pool.Rent();
        return GdalBandInfo.Read(lease.Handle, statistics);
    }

    private ImageMetadata BuildMetadata()
    {
        var geo = Georeference;
        var size = Grid is null ? 0 : (long)Math.Pow(2, levels - 1) * TileSize;
        return new ImageMetadata
        {
            Levels = levels,
            SizeX = Grid is null ? width : size,
            SizeY = Grid is null ? height : size,
            TileWidth = TileSize,
            TileHeight = TileSize,
            MmX = geo?.MetresPerUnit is { } unitX ? Math.Abs(geo.GeoTransform[1]) * unitX * 1000 : null,
            MmY = geo?.MetresPerUnit is { } unitY ? Math.Abs(geo.GeoTransform[5]) * unitY * 1000 : null,
            DType = PixelType.ToDType(),
            BandCount = bandCount,
            Geospatial = geo is not null,
            Bounds = geo?.Bounds,
            SourceBounds = geo?.SourceBounds,
            Projection = Grid?.Name,
            SourceLevels = sourceLevels,
            SourceSizeX = width,
            SourceSizeY = height,
            Bands = bands.Value.Select((b, i) => (Key: (i + 1).ToString(CultureInfo.InvariantCulture), b))
                .ToDictionary(p => p.Key, p => p.b),
        };
    }
}
