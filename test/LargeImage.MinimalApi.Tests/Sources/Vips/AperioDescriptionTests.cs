using LargeImage.MinimalApi.Sources.Vips;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

public class AperioDescriptionTests
{
    [Fact]
    public void Key_value_pairs_give_mpp_and_magnification()
    {
        var aperio = AperioDescription.TryParse("Aperio Image Library v10.0.50\r\n2220x2967 [0,100 2220x2967] (240x240) JPEG/RGB Q=70|AppMag = 20|MPP = 0.4990")!;
        Assert.Equal(20, aperio.AppMag);
        Assert.Equal(0.499, aperio.Mpp);
        Assert.StartsWith("Aperio Image Library", aperio.Header);
    }

    [Theory]
    [InlineData("Aperio Image Library v10.0.50\r\nlabel 387x463", "label")]
    [InlineData("Aperio Image Library v10.0.50\nmacro 1280x431", "macro")]
    [InlineData("Aperio Image Library v10.0.50\n2220x2967 -> 574x768 - |AppMag = 20", null)]
    [InlineData("ImageJ=1.52", null)]
    public void Associated_pages_declare_their_kind(string description, string? kind) =>
        Assert.Equal(kind, AperioDescription.AssociatedKind(description));
}
