using System.Buffers.Binary;
using System.IO.Compression;

namespace Functional.Cli;

/// <summary>
/// A dependency-free PNG of a loss curve for <c>--plot</c> (the tool ships without native plotting
/// libraries): white background, axes, the loss against the step as a line, on a log₁₀ scale when
/// every value is positive. Encoded as 8-bit RGB, one zlib-compressed IDAT chunk.
/// </summary>
internal static class LossPng
{
    private const int Margin = 40;

    public static void Write(IReadOnlyList<double> history, string path, int width = 640, int height = 400)
    {
        var finite = history.Where(double.IsFinite).ToList();
        var logarithmic = finite.Count > 0 && finite.All(v => v > 0);
        var values = history.Select(v => !double.IsFinite(v) ? double.NaN : logarithmic ? Math.Log10(v) : v).ToArray();
        var pixels = new byte[width * height * 3];
        pixels.AsSpan().Fill(255);
        int left = Margin, right = width - Margin / 2, top = Margin / 2, bottom = height - Margin;
        Line(pixels, width, left, bottom, right, bottom, (90, 90, 90));
        Line(pixels, width, left, bottom, left, top, (90, 90, 90));
        var shown = values.Where(double.IsFinite).ToArray();
        if (shown.Length > 0)
        {
            double low = shown.Min(), high = shown.Max();
            if (high - low < 1e-300) { low -= 0.5; high += 0.5; }
            int X(int i) => left + (int)Math.Round((double)i / Math.Max(1, values.Length - 1) * (right - left));
            int Y(double v) => bottom - (int)Math.Round((v - low) / (high - low) * (bottom - top));
            for (var i = 1; i < values.Length; i++)
                if (double.IsFinite(values[i - 1]) && double.IsFinite(values[i]))
                    Line(pixels, width, X(i - 1), Y(values[i - 1]), X(i), Y(values[i]), (31, 119, 180));
            if (values.Length == 1 && double.IsFinite(values[0])) Line(pixels, width, left, Y(values[0]), right, Y(values[0]), (31, 119, 180));
        }
        using var file = File.Create(path);
        Encode(file, pixels, width, height);
    }

    private static void Line(byte[] pixels, int width, int x0, int y0, int x1, int y1, (byte R, byte G, byte B) color)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, error = dx + dy;
        var height = pixels.Length / (3 * width);
        while (true)
        {
            for (var t = 0; t < 2; t++) // two pixels thick
            {
                int px = x0, py = y0 + t;
                if (px >= 0 && px < width && py >= 0 && py < height)
                {
                    var k = 3 * (py * width + px);
                    (pixels[k], pixels[k + 1], pixels[k + 2]) = color;
                }
            }
            if (x0 == x1 && y0 == y1) return;
            var e2 = 2 * error;
            if (e2 >= dy) { error += dy; x0 += sx; }
            if (e2 <= dx) { error += dx; y0 += sy; }
        }
    }

    private static void Encode(Stream output, byte[] pixels, int width, int height)
    {
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, y * width * 3, width * 3);
            }
        Chunk(output, "IDAT", compressed.ToArray());
        Chunk(output, "IEND", []);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeBytes, data));
        output.Write(word);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] type, byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
