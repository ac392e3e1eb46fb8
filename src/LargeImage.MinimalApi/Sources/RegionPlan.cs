namespace LargeImage.MinimalApi.Sources;

/// <summary>
/// How a requested window maps onto one stored level: the rectangle to read from the level (clipped to it)
/// and where its resampled pixels land in the output. Output pixels outside the landing rectangle are off the
/// image and get masked.
/// </summary>
internal readonly record struct RegionPlan(
    int CropX, int CropY, int CropWidth, int CropHeight, int OutX, int OutY, int OutWidth, int OutHeight)
{
    public bool IsEmpty => CropWidth <= 0 || CropHeight <= 0 || OutWidth <= 0 || OutHeight <= 0;

    /// <summary>Whether the landing rectangle covers the whole output.</summary>
    public bool Covers(int width, int height) => OutX == 0 && OutY == 0 && OutWidth == width && OutHeight == height;

    /// <summary>Whether the crop lands at its stored size: the level's pixels are copied, not resampled.</summary>
    public bool IsCopy => CropWidth == OutWidth && CropHeight == OutHeight;

    /// <summary>Where row <paramref name="row"/> of the landing rectangle starts in an output of <paramref name="width"/> pixels.</summary>
    public int LandingOffset(int width, int samplesPerPixel, int row = 0) => (((OutY + row) * width) + OutX) * samplesPerPixel;

    /// <summary>
    /// A pooled 8-bit raster of the output size for a reader to fill the landing rectangle of, rows
    /// <c>width × bands</c> bytes apart from <see cref="LandingOffset"/>; the rest is cleared and masked as off-image.
    /// </summary>
    public Raster RentLanding(int width, int height, int bands)
    {
        var mask = LandingMask(width, height);
        return Raster.FromBytes(width, height, bands, PixelBuffers.Rent(width * height * bands, clear: mask is not null), mask);
    }

    /// <summary>The landing rectangle as the output's only valid pixels, or null when it covers the whole output.</summary>
    public byte[]? LandingMask(int width, int height)
    {
        if (!IsEmpty && Covers(width, height))
        {
            return null;
        }

        var mask = new byte[width * height];
        for (var row = 0; !IsEmpty && row < OutHeight; row++)
        {
            mask.AsSpan(((OutY + row) * width) + OutX, OutWidth).Fill(255);
        }

        return mask;
    }

    /// <param name="window">Requested window in full-resolution pixels.</param>
    /// <param name="width">Output width.</param>
    /// <param name="height">Output height.</param>
    /// <param name="downsampleX">Full-resolution pixels per level pixel, horizontally.</param>
    /// <param name="downsampleY">Full-resolution pixels per level pixel, vertically.</param>
    /// <param name="levelWidth">The level's stored width.</param>
    /// <param name="levelHeight">The level's stored height.</param>
    public static RegionPlan Compute(
        PixelWindow window, int width, int height, double downsampleX, double downsampleY, long levelWidth, long levelHeight)
    {
        var (cropX, cropWidth, outX, outWidth) = Axis(window.Left / downsampleX, window.Right / downsampleX, levelWidth, width);
        var (cropY, cropHeight, outY, outHeight) = Axis(window.Top / downsampleY, window.Bottom / downsampleY, levelHeight, height);
        return new RegionPlan(cropX, cropY, cropWidth, cropHeight, outX, outY, outWidth, outHeight);
    }

    private static (int Crop, int CropSize, int Out, int OutSize) Axis(double start, double end, long levelSize, int outSize)
    {
        var span = end - start;
        if (span <= 0)
        {
            return default;
        }

        // Snap to whole level pixels within a rounding tolerance so aligned tile reads stay exact copies.
        var cropStart = (long)Math.Clamp(Math.Floor(start + 1e-6), 0, levelSize);
        var cropEnd = (long)Math.Clamp(Math.Ceiling(end - 1e-6), 0, levelSize);
        if (cropEnd <= cropStart)
        {
            return default;
        }

        var outStart = (int)Math.Clamp(Math.Round((cropStart - start) / span * outSize), 0, outSize);
        var outEnd = (int)Math.Clamp(Math.Round((cropEnd - start) / span * outSize), 0, outSize);
        return ((int)cropStart, (int)(cropEnd - cropStart), outStart, outEnd - outStart);
    }
}
