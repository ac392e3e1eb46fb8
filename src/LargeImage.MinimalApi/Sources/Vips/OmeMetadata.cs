using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LargeImage.MinimalApi.Sources.Vips;

/// <summary>
/// The parts of an OME-XML <c>ImageDescription</c> that shape an OME-TIFF into frames: the first image's
/// dimensions, its channels and which IFD holds each (C, Z, T) plane.
/// </summary>
internal sealed class OmeMetadata
{
    private OmeMetadata(
        string dimensionOrder, int sizeC, int sizeZ, int sizeT, IReadOnlyList<string?> channelNames,
        double? mmX, double? mmY, IReadOnlyList<OmePlane> planes)
    {
        DimensionOrder = dimensionOrder;
        SizeC = sizeC;
        SizeZ = sizeZ;
        SizeT = sizeT;
        ChannelNames = channelNames;
        MmX = mmX;
        MmY = mmY;
        Planes = planes;
    }

    public string DimensionOrder { get; }

    /// <summary>Channels stored as separate planes (an RGB channel of 3 samples counts once).</summary>
    public int SizeC { get; }

    public int SizeZ { get; }

    public int SizeT { get; }

    /// <summary>Name of each channel, null where the file gives none.</summary>
    public IReadOnlyList<string?> ChannelNames { get; }

    public double? MmX { get; }

    public double? MmY { get; }

    /// <summary>Planes in IFD order.</summary>
    public IReadOnlyList<OmePlane> Planes { get; }

    public static bool LooksLikeOme(string? description) =>
        description is not null && description.Contains("<OME", StringComparison.Ordinal);

    /// <summary>Parses the description; null when it is not usable OME-XML.</summary>
    public static OmeMetadata? TryParse(string? description)
    {
        if (!LooksLikeOme(description))
        {
            return null;
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(description!);
        }
        catch (XmlException)
        {
            return null;
        }

        var pixels = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Pixels");
        if (pixels is null)
        {
            return null;
        }

        var order = ((string?)pixels.Attribute("DimensionOrder") ?? "XYZCT").ToUpperInvariant();
        var channels = pixels.Elements().Where(e => e.Name.LocalName == "Channel").ToList();
        var sizeC = channels.Count > 0 ? channels.Count : Int(pixels, "SizeC", 1);
        var sizeZ = Int(pixels, "SizeZ", 1);
        var sizeT = Int(pixels, "SizeT", 1);
        if (order.Length != 5 || !order.StartsWith("XY", StringComparison.Ordinal) || sizeC < 1 || sizeZ < 1 || sizeT < 1)
        {
            return null;
        }

        var names = channels.Select(c => (string?)c.Attribute("Name")).ToList();
        var planes = MapPlanes(pixels, order, sizeC, sizeZ, sizeT);
        return new OmeMetadata(
            order, sizeC, sizeZ, sizeT, names,
            Millimetres(pixels, "PhysicalSizeX"), Millimetres(pixels, "PhysicalSizeY"), planes);
    }

    private static List<OmePlane> MapPlanes(XElement pixels, string order, int sizeC, int sizeZ, int sizeT)
    {
        var count = sizeC * sizeZ * sizeT;
        var ifdOfPlane = new int[count];
        var tiffData = pixels.Elements().Where(e => e.Name.LocalName == "TiffData").ToList();
        if (tiffData.Count == 0)
        {
            for (var p = 0; p < count; p++)
            {
                ifdOfPlane[p] = p;
            }
        }
        else
        {
            Array.Fill(ifdOfPlane, -1);
            foreach (var block in tiffData)
            {
                var ifd = Int(block, "IFD", 0);
                var first = Linear(order, sizeC, sizeZ, sizeT, Int(block, "FirstC", 0), Int(block, "FirstZ", 0), Int(block, "FirstT", 0));
                var planeCount = block.Attribute("PlaneCount") is null
                    ? (tiffData.Count == 1 && block.Attribute("FirstC") is null && block.Attribute("FirstZ") is null && block.Attribute("FirstT") is null ? count : 1)
                    : Int(block, "PlaneCount", 1);
                for (var k = 0; k < planeCount && first + k < count; k++)
                {
                    ifdOfPlane[first + k] = ifd + k;
                }
            }
        }

        var planes = new List<OmePlane>(count);
        for (var p = 0; p < count; p++)
        {
            if (ifdOfPlane[p] < 0)
            {
                continue;
            }

            var (c, z, t) = Coordinates(order, sizeC, sizeZ, sizeT, p);
            planes.Add(new OmePlane(c, z, t, ifdOfPlane[p]));
        }

        planes.Sort((a, b) => a.Ifd.CompareTo(b.Ifd));
        return planes;
    }

    /// <summary>Plane number of (c, z, t): the letters after <c>XY</c> run fastest to slowest.</summary>
    private static int Linear(string order, int sizeC, int sizeZ, int sizeT, int c, int z, int t)
    {
        var index = 0;
        var stride = 1;
        foreach (var axis in order[2..])
        {
            var (value, size) = Axis(axis, sizeC, sizeZ, sizeT, c, z, t);
            index += value * stride;
            stride *= size;
        }

        return index;
    }

    private static (int C, int Z, int T) Coordinates(string order, int sizeC, int sizeZ, int sizeT, int plane)
    {
        int c = 0, z = 0, t = 0;
        foreach (var axis in order[2..])
        {
            var size = Axis(axis, sizeC, sizeZ, sizeT, 0, 0, 0).Size;
            var value = plane % size;
            plane /= size;
            switch (axis)
            {
                case 'C': c = value; break;
                case 'Z': z = value; break;
                default: t = value; break;
            }
        }

        return (c, z, t);
    }

    private static (int Value, int Size) Axis(char axis, int sizeC, int sizeZ, int sizeT, int c, int z, int t) => axis switch
    {
        'C' => (c, sizeC),
        'Z' => (z, sizeZ),
        _ => (t, sizeT),
    };

    private static int Int(XElement element, string attribute, int fallback) =>
        int.TryParse((string?)element.Attribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double? Millimetres(XElement pixels, string attribute)
    {
        if (!double.TryParse((string?)pixels.Attribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var size) || size <= 0)
        {
            return null;
        }

        var factor = ((string?)pixels.Attribute(attribute + "Unit") ?? "µm") switch
        {
            "µm" or "um" or "micron" => 1e-3,
            "nm" => 1e-6,
            "mm" => 1,
            "cm" => 10,
            "m" => 1000,
            _ => double.NaN,
        };
        return double.IsNaN(factor) ? null : size * factor;
    }
}
