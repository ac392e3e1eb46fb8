using LargeImage.MinimalApi.Sources.Vips;

namespace LargeImage.MinimalApi.Tests.Sources.Vips;

public class OmeMetadataTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">
          <Image ID="Image:0"><Pixels DimensionOrder="XYCZT" SizeC="2" SizeZ="3" SizeT="1" SizeX="10" SizeY="10" Type="uint16"
              PhysicalSizeX="0.5" PhysicalSizeY="250" PhysicalSizeYUnit="nm">
            <Channel ID="Channel:0:0" Name="DAPI"/><Channel ID="Channel:0:1" Name="GFP"/>
            <TiffData PlaneCount="6"/>
          </Pixels></Image>
        </OME>
        """;

    [Fact]
    public void Planes_follow_the_dimension_order()
    {
        var ome = OmeMetadata.TryParse(Xml)!;
        Assert.Equal((2, 3, 1), (ome.SizeC, ome.SizeZ, ome.SizeT));
        Assert.Equal(["DAPI", "GFP"], ome.ChannelNames);
        Assert.Equal(new OmePlane(1, 0, 0, 1), ome.Planes[1]);
        Assert.Equal(new OmePlane(0, 1, 0, 2), ome.Planes[2]);
        Assert.Equal(0.0005, ome.MmX!.Value, 9);
        Assert.Equal(0.00025, ome.MmY!.Value, 9);
    }

    [Fact]
    public void Tiff_data_maps_planes_to_ifds()
    {
        var xml = Xml.Replace("<TiffData PlaneCount=\"6\"/>", "<TiffData FirstC=\"1\" FirstZ=\"2\" IFD=\"0\" PlaneCount=\"1\"/><TiffData FirstC=\"0\" FirstZ=\"0\" IFD=\"1\" PlaneCount=\"1\"/>");
        var ome = OmeMetadata.TryParse(xml)!;
        Assert.Equal([new OmePlane(1, 2, 0, 0), new OmePlane(0, 0, 0, 1)], ome.Planes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Aperio Image Library")]
    [InlineData("<OME><broken")]
    public void Non_ome_descriptions_are_ignored(string? description) => Assert.Null(OmeMetadata.TryParse(description));
}
