namespace LargeImage.MinimalApi.Sources;

/// <summary>A rectangle in full-resolution pixels of an opened grid; may extend beyond the image.</summary>
internal readonly record struct PixelWindow(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;
}
