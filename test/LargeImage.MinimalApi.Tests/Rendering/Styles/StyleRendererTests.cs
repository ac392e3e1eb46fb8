using LargeImage.MinimalApi.Errors;
using LargeImage.MinimalApi.Models;
using LargeImage.MinimalApi.Rendering;
using LargeImage.MinimalApi.Rendering.Colormaps;
using LargeImage.MinimalApi.Rendering.Histograms;
using LargeImage.MinimalApi.Rendering.Styles;
using LargeImage.MinimalApi.Sources;

namespace LargeImage.MinimalApi.Tests.Rendering.Styles;

public sealed class StyleRendererTests
{
    // One row of float values 0, 10, …, 100.
    private static readonly Raster Ramp = Raster.FromValues(11, 1, 1, PixelType.Float32, [.. Enumerable.Range(0, 11).Select(i => i * 10.0)]);

    [Fact]
    public async Task Viridis_maps_each_value_to_its_interpolated_entry()
    {
        var image = await RenderAsync(Ramp, "{\"band\": 1, \"min\": 20, \"max\": 80, \"palette\": \"viridis\"}");

        ColormapRegistry.TryGet("viridis", out var viridis);
        for (var p = 0; p < 11; p++)
        {
            var t = Math.Clamp(((p * 10.0) - 20) / 60, 0, 1);
            Assert.Equal(Expected(viridis!.At(t)), Pixel(image, p));
        }
    }

    [Fact]
    public async Task Discrete_scheme_splits_the_range_into_one_class_per_colour()
    {
        var image = await RenderAsync(Ramp, "{\"min\": 0, \"max\": 100, \"scheme\": \"discrete\", \"palette\": [\"#f00\", \"#0f0\", \"#00f\"]}");

        // floor(t * 3): 0..30 red, 40..60 green, 70..100 blue (t = 1 clips to the last class).
        Assert.Equal([255, 0, 0, 255], Pixel(image, 3));
        Assert.Equal([0, 255, 0, 255], Pixel(image, 4));
        Assert.Equal([0, 255, 0, 255], Pixel(image, 6));
        Assert.Equal([0, 0, 255, 255], Pixel(image, 7));
        Assert.Equal([0, 0, 255, 255], Pixel(image, 10));
    }

    [Fact]
    public async Task Nodata_pixels_are_transparent()
    {
        var image = await RenderAsync(Ramp, "{\"min\": 0, \"max\": 100, \"nodata\": 50}");

        Assert.Equal([0, 0, 0, 0], Pixel(image, 5));
        Assert.Equal(255, Pixel(image, 6)[3]);
    }

    [Fact]
    public async Task Clamp_false_leaves_out_of_range_values_out()
    {
        var clamped = await RenderAsync(Ramp, "{\"min\": 20, \"max\": 80}");
        var unclamped = await RenderAsync(Ramp, "{\"min\": 20, \"max\": 80, \"clamp\": false}");

        Assert.Equal([0, 0, 0, 255], Pixel(clamped, 0));
        Assert.Equal([255, 255, 255, 255], Pixel(clamped, 10));
        Assert.Equal([0, 0, 0, 0], Pixel(unclamped, 0));
        Assert.Equal([0, 0, 0, 0], Pixel(unclamped, 10));
        Assert.Equal(Pixel(clamped, 5), Pixel(unclamped, 5));
    }

    [Fact]
    public async Task Bands_lighten_by_default_and_alpha_multiplies()
    {
        // Band 1 = x, band 2 = 100 - x, band 3 = 50, band 4 (alpha) = 0 or 255.
        var values = new List<double>();
        for (var x = 0; x <= 10; x++)
        {
            values.AddRange([x * 10.0, 100 - (x * 10.0), 50, x < 5 ? 0 : 255]);
        }

        var raster = Raster.FromValues(11, 1, 4, PixelType.Float32, [.. values]);
        var image = await RenderAsync(raster, """
            {"bands": [
              {"band": 1, "min": 0, "max": 100, "palette": "#f00"},
              {"band": 2, "min": 0, "max": 100, "palette": "#0f0"},
              {"band": "alpha", "min": 0, "max": 255}
            ]}
            """);

        Assert.Equal([0, 255, 0, 0], Pixel(image, 0));
        Assert.Equal([255, 0, 0, 255], Pixel(image, 10));
        Assert.Equal([153, 102, 0, 255], Pixel(image, 6));
    }

    [Fact]
    public async Task Multiply_composite_darkens()
    {
        var raster = Raster.FromValues(1, 1, 2, PixelType.Float32, [100, 50]);
        var image = await RenderAsync(raster, """
            {"bands": [{"band": 1, "min": 0, "max": 100}, {"band": 2, "min": 0, "max": 100, "composite": "multiply"}]}
            """);

        Assert.Equal([127, 127, 127, 255], Pixel(image, 0));
    }

    [Fact]
    public async Task Auto_uses_0_255_for_byte_ranges_and_band_statistics_otherwise()
    {
        var bytes = Raster.FromBytes(2, 1, 1, [0, 128]);
        var byteImage = await RenderAsync(bytes, "{\"palette\": \"#fff\"}", stats: [new BandInfo { Interpretation = "gray", Min = 0, Max = 200 }]);
        var wide = await RenderAsync(Ramp, "{\"palette\": \"#fff\"}", stats: [new BandInfo { Interpretation = "gray", Min = 0, Max = 1000 }]);

        Assert.Equal(128, Pixel(byteImage, 1)[0]);
        Assert.Equal(25, Pixel(wide, 10)[0]);
    }

    [Fact]
    public async Task Threshold_limits_come_from_the_histogram()
    {
        var raster = Raster.FromValues(100, 1, 1, PixelType.Float32, [.. Enumerable.Range(0, 100).Select(i => (double)i)]);
        var histogram = HistogramCalculator.Compute(raster, new HistogramRequest(100, false, false, false, 0, 100), [null]);

        var image = await RenderAsync(raster, "{\"min\": \"min:0.1\", \"max\": \"max:0.1\"}", histograms: histogram);

        Assert.Equal(0, Pixel(image, 10)[0]);
        Assert.Equal(255, Pixel(image, 90)[0]);
        Assert.InRange(Pixel(image, 50)[0], 120, 135);
    }

    [Fact]
    public async Task Frame_keys_read_other_frames()
    {
        var image = await RenderAsync(
            Raster.FromValues(1, 1, 1, PixelType.Float32, [0]),
            "{\"bands\": [{\"frame\": 1, \"min\": 0, \"max\": 100}]}",
            frames: 2,
            readFrame: _ => Raster.FromValues(1, 1, 1, PixelType.Float32, [100]));

        Assert.Equal([255, 255, 255, 255], Pixel(image, 0));
    }

    [Theory]
    [InlineData("{\"band\": 2}", "Band 2 is out of range")]
    [InlineData("{\"band\": \"infrared\"}", "Unknown band 'infrared'")]
    [InlineData("{\"frame\": 3}", "outside the image's frames")]
    public async Task Bands_and_frames_outside_the_image_are_400s(string json, string message)
    {
        var e = await Assert.ThrowsAsync<InvalidParameterException>(() => RenderAsync(Ramp, json));

        Assert.Equal("style", e.Parameter);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Simple_band_out_of_range_names_band()
    {
        var style = StyleParser.FromQuery(null, "5", null, null, null, null, null, null)!;

        var e = await Assert.ThrowsAsync<InvalidParameterException>(() => StyleResolver.ResolveAsync(style, Target(Ramp, null, null, 1), default).AsTask());

        Assert.Equal("band", e.Parameter);
    }

    [Fact]
    public async Task Masked_source_pixels_stay_transparent()
    {
        var raster = Raster.FromValues(2, 1, 1, PixelType.Float32, [10, 10], [0, 255]);

        var image = await RenderAsync(raster, "{\"min\": 0, \"max\": 10}");

        Assert.Equal(0, Pixel(image, 0)[3]);
        Assert.Equal([255, 255, 255, 255], Pixel(image, 1));
    }

    private static byte[] Expected(RgbaColor color) =>
        [(byte)Math.Clamp(color.R, 0, 255), (byte)Math.Clamp(color.G, 0, 255), (byte)Math.Clamp(color.B, 0, 255), 255];

    private static byte[] Pixel(RgbaImage image, int index) => image.Pixels[(index * 4)..((index * 4) + 4)];

    private static async Task<RgbaImage> RenderAsync(
        Raster raster, string json, IReadOnlyList<BandInfo>? stats = null, BandHistogram[]? histograms = null, int frames = 1, Func<int, Raster>? readFrame = null)
    {
        var style = StyleParser.ParseJson(json)!;
        var resolved = await StyleResolver.ResolveAsync(style, Target(raster, stats, histograms, frames), default);
        return StyleRenderer.Render(raster, resolved, 0, readFrame ?? (_ => raster));
    }

    private static StyleTarget Target(Raster raster, IReadOnlyList<BandInfo>? stats, BandHistogram[]? histograms, int frames) =>
        new(
            0,
            frames,
            raster.BandCount,
            raster.Type,
            _ => stats ?? [.. Enumerable.Range(0, raster.BandCount).Select(_ => new BandInfo { Interpretation = "gray" })],
            (_, _) => ValueTask.FromResult<IReadOnlyList<BandHistogram>>(
                histograms ?? HistogramCalculator.Compute(raster, HistogramRequest.ForStyle, [.. Enumerable.Repeat<double?>(null, raster.BandCount)])));
}
