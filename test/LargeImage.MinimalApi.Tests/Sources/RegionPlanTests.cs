using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Sources;

public class RegionPlanTests
{
    [Fact]
    public void Aligned_tile_is_an_exact_copy()
    {
        var plan = RegionPlan.Compute(new PixelWindow(512, 256, 512, 512), 256, 256, 2, 2, 1000, 800);
        Assert.Equal(new RegionPlan(256, 128, 256, 256, 0, 0, 256, 256), plan);
        Assert.True(plan.Covers(256, 256));
    }

    [Fact]
    public void Edge_tile_lands_in_the_top_left_and_the_rest_is_off_image()
    {
        var plan = RegionPlan.Compute(new PixelWindow(768, 512, 256, 256), 256, 256, 1, 1, 1000, 600);
        Assert.Equal(new RegionPlan(768, 512, 232, 88, 0, 0, 232, 88), plan);
        Assert.False(plan.Covers(256, 256));
    }

    [Fact]
    public void Window_left_of_the_image_lands_to_the_right()
    {
        var plan = RegionPlan.Compute(new PixelWindow(-100, 0, 200, 100), 100, 50, 1, 1, 1000, 1000);
        Assert.Equal((0, 100, 50, 50), (plan.CropX, plan.CropWidth, plan.OutX, plan.OutWidth));
    }

    [Fact]
    public void Window_outside_the_image_is_empty() =>
        Assert.True(RegionPlan.Compute(new PixelWindow(2000, 0, 100, 100), 10, 10, 1, 1, 1000, 1000).IsEmpty);
}
