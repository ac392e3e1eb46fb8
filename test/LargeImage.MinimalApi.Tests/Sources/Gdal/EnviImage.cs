using System.Buffers.Binary;
using System.Globalization;

namespace LargeImage.MinimalApi.Tests.Sources.Gdal;

/// <summary>
/// A raw ENVI image (band-sequential binary + <c>.hdr</c>). References from the GDAL command-line tools are written
/// as ENVI so that reading them back needs no GDAL at all, and fixtures are written as ENVI before conversion.
/// </summary>
internal sealed class EnviImage(int width, int height, int bands, double[] samples)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Bands { get; } = bands;

    /// <summary>Band-sequential samples.</summary>
    public double[] Samples { get; } = samples;

    public double this[int band, int x, int y] => Samples[(band * Width * Height) + (y * Width) + x];

    public static EnviImage Read(string binaryPath)
    {
        var header = File.Exists(Path.ChangeExtension(binaryPath, ".hdr"))
            ? Path.ChangeExtension(binaryPath, ".hdr")
            : binaryPath + ".hdr";
        var fields = File.ReadAllLines(header)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        int Field(string name) => int.Parse(fields[name], CultureInfo.InvariantCulture);
        var (width, height, bands, type) = (Field("samples"), Field("lines"), Field("bands"), Field("data type"));
        if (fields.TryGetValue("interleave", out var interleave) && !interleave.Equals("bsq", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"ENVI interleave {interleave}");
        }

        var bigEndian = fields.TryGetValue("byte order", out var order) && order == "1";
        var bytes = File.ReadAllBytes(binaryPath);
        var count = width * height * bands;
        var samples = new double[count];
        var size = type switch { 1 => 1, 2 or 12 => 2, 3 or 4 or 13 => 4, 5 => 8, _ => throw new NotSupportedException($"ENVI data type {type}") };
        for (var i = 0; i < count; i++)
        {
            var span = bytes.AsSpan(i * size, size);
            samples[i] = type switch
            {
                1 => span[0],
                2 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(span) : BinaryPrimitives.ReadInt16LittleEndian(span),
                12 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span),
                3 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(span) : BinaryPrimitives.ReadInt32LittleEndian(span),
                13 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span),
                4 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(span) : BinaryPrimitives.ReadSingleLittleEndian(span),
                _ => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(span) : BinaryPrimitives.ReadDoubleLittleEndian(span),
            };
        }

        return new EnviImage(width, height, bands, samples);
    }

    /// <summary>Writes little-endian band-sequential samples as ENVI byte (type 1) or float32 (type 4).</summary>
    public static void Write(string binaryPath, int width, int height, int bands, bool asFloat32, Func<int, int, int, double> sample)
    {
        var size = asFloat32 ? 4 : 1;
        var bytes = new byte[width * height * bands * size];
        var i = 0;
        for (var b = 0; b < bands; b++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++, i++)
                {
                    var value = sample(b, x, y);
                    if (asFloat32)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), (float)value);
                    }
                    else
                    {
                        bytes[i] = (byte)value;
                    }
                }
            }
        }

        File.WriteAllBytes(binaryPath, bytes);
        File.WriteAllText(
            Path.ChangeExtension(binaryPath, ".hdr"),
            $"ENVI\nsamples = {width}\nlines = {height}\nbands = {bands}\nheader offset = 0\nfile type = ENVI Standard\n" +
            $"data type = {(asFloat32 ? 4 : 1)}\ninterleave = bsq\nbyte order = 0\n");
    }
}
