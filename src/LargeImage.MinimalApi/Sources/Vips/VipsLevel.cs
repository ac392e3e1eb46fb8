using NetVips;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// One level of a frame's virtual pyramid: a level stored in the file, or one synthesised by halving the next
/// finer level. Synthesised levels are lazy libvips pipelines (only the pixels a read needs are computed);
/// small ones are computed once and kept in memory, so low-zoom tiles of a big plain image or an un-pyramided
/// TIFF do not re-read the whole image every time. A stored level opens its libvips image on first use: a read whose
/// JPEG tiles are decoded directly never needs it.
/// </summary>
internal sealed class VipsLevel : IDisposable
{
    /// <summary>Synthesised levels up to this many pixels are kept in memory once computed.</summary>
    private const long MaterialisePixels = 2048L * 2048L;

    private readonly Lazy<Image> shape;

    /// <summary>The shape's size, asked of libvips once: each ask is a property read through GValue marshalling.</summary>
    private readonly Lazy<(int Width, int Height)> size;
    private readonly Lazy<Image> pixels;
    private readonly Lazy<Image>? stored;
    private readonly Lazy<TiffJpegTiles?>? jpegTiles;

    private VipsLevel(
        long downsample, Lazy<Image>? stored, Lazy<Image> shape, Lazy<(int Width, int Height)> size, Lazy<Image> pixels,
        Lazy<TiffJpegTiles?>? jpegTiles = null)
    {
        Downsample = downsample;
        this.stored = stored;
        this.shape = shape;
        this.size = size;
        this.pixels = pixels;
        this.jpegTiles = jpegTiles;
    }

    /// <summary>Full-resolution pixels per pixel of this level (a power of two).</summary>
    public long Downsample { get; }

    public bool IsStored => stored is not null;

    public int Width => size.Value.Width;

    public int Height => size.Value.Height;

    /// <summary>The image to read pixels from; safe to share between threads (reads create their own regions).</summary>
    public Image Pixels => pixels.Value;

    /// <summary>The stored level's JPEG tiles, when they can be decoded without libvips (found on first use).</summary>
    public TiffJpegTiles? JpegTiles => jpegTiles?.Value;

    public static VipsLevel Stored(Lazy<Image> image, int width, int height, long downsample, Func<TiffJpegTiles?>? findJpegTiles) =>
        new(downsample, image, image, new Lazy<(int Width, int Height)>((width, height)), image,
            findJpegTiles is null ? null : new Lazy<TiffJpegTiles?>(findJpegTiles));

    public static VipsLevel Synthesise(VipsLevel finer)
    {
        var shape = new Lazy<Image>(() => finer.shape.Value.Shrink(2, 2));
        var size = new Lazy<(int Width, int Height)>(() => (shape.Value.Width, shape.Value.Height));
        var pixels = new Lazy<Image>(() =>
        {
            var halved = finer.Pixels.Shrink(2, 2);
            if ((long)halved.Width * halved.Height > MaterialisePixels)
            {
                return halved;
            }

            using (halved)
            {
                return halved.CopyMemory();
            }
        });
        return new VipsLevel(finer.Downsample * 2, null, shape, size, pixels);
    }

    public void Dispose()
    {
        // A stored level's shape and pixels are its image.
        Lazy<Image>[] owned = stored is not null ? [stored] : [shape, pixels];
        foreach (var image in owned.Where(i => i.IsValueCreated))
        {
            image.Value.Dispose();
        }
    }
}
