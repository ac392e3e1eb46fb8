using LargeImage.MinimalApi.Native;

namespace LargeImage.MinimalApi.Tests.Native;

public class InteropOpenSlideTests
{
    private static void RequireOpenSlide() =>
        Skip.IfNot(NativeLibraryLoader.TryLoad(NativeLibraryLoader.OpenSlide, out var error), $"OpenSlide is not installed: {error}");

    [SkippableFact]
    public void Version_is_reported()
    {
        RequireOpenSlide();
        Assert.Matches(@"^\d+\.\d+", Interop.OpenSlide.Version());
    }

    [SkippableFact]
    public void Unrecognised_file_opens_as_null()
    {
        RequireOpenSlide();
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a slide");
            Assert.Null(Interop.OpenSlide.DetectVendor(path));
            Assert.Null(Interop.OpenSlide.Open(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void Aperio_slide_reports_levels_properties_and_associated_images()
    {
        RequireOpenSlide();
        var svs = TestData.Path("libvips/CMU-1-Small-Region.svs");
        Assert.Equal("aperio", Interop.OpenSlide.DetectVendor(svs));
        using var slide = Interop.OpenSlide.Open(svs);
        Assert.NotNull(slide);
        Assert.Equal(1, Interop.OpenSlide.GetLevelCount(slide));
        Assert.Equal((2220L, 2967L), Interop.OpenSlide.GetLevelDimensions(slide, 0));
        Assert.Equal(1.0, Interop.OpenSlide.GetLevelDownsample(slide, 0));
        Assert.Equal(0, Interop.OpenSlide.GetBestLevelForDownsample(slide, 8));
        Assert.Contains("openslide.mpp-x", Interop.OpenSlide.GetPropertyNames(slide));
        Assert.Equal("aperio", Interop.OpenSlide.GetPropertyValue(slide, "openslide.vendor"));
        Assert.Null(Interop.OpenSlide.GetPropertyValue(slide, "no.such.property"));
        var names = Interop.OpenSlide.GetAssociatedImageNames(slide);
        Assert.Contains("label", names);
        Assert.Contains("macro", names);
        var (width, height) = Interop.OpenSlide.GetAssociatedImageDimensions(slide, "label");
        var label = Interop.OpenSlide.ReadAssociatedImage(slide, "label", (int)width, (int)height);
        Assert.Equal(width * height * 4, label.Length);

        var region = Interop.OpenSlide.ReadRegion(slide, 2200, 0, 0, 40, 1);
        Assert.Equal(255, region[(19 * 4) + 3]);
        Assert.Equal(0, region[(39 * 4) + 3]);
        _ = Interop.OpenSlide.ReadIccProfile(slide);
    }
}
