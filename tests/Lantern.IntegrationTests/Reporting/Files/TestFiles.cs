using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>
/// Files made by the tests themselves: a JPEG drawn with SkiaSharp with an EXIF segment spliced in (camera make
/// and model, and a GPS position), so no binary fixture is needed and the metadata is known exactly.
/// </summary>
public static class TestFiles
{
    /// <summary>A valid PDF of about <paramref name="size"/> bytes (comment lines in between).</summary>
    public static byte[] LargePdf(int size)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        while (pdf.Length < size)
        {
            pdf.Append("% 0123456789 0123456789 0123456789 0123456789\n");
        }

        return Encoding.ASCII.GetBytes(pdf.Append("trailer\n%%EOF\n").ToString());
    }

    /// <summary>A JPEG carrying APP1 EXIF with Make, Model and a GPS latitude.</summary>
    public static byte[] JpegWithExif(string make, string model, int width = 320, int height = 200)
    {
        var plain = Jpeg(width, height);
        var app1 = ExifSegment(make, model);
        // Right after SOI (FF D8), where cameras put it.
        return [.. plain.AsSpan(0, 2), .. app1, .. plain.AsSpan(2)];
    }

    public static byte[] Jpeg(int width = 320, int height = 200) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>The markers of a JPEG's header segments, up to the start of the image data (SOS).</summary>
    public static List<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "Not a JPEG.");
        var segments = new List<(byte, byte[])>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[at]);
            var marker = jpeg[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add((marker, jpeg.AsSpan(at + 4, length - 2).ToArray()));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return segments;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 160));
            using var paint = new SKPaint { Color = new SKColor(240, 200, 40) };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>APP1 "Exif\0\0" + a big-endian TIFF: IFD0 (Make, Model, GPS pointer) and a GPS IFD (latitude).</summary>
    private static byte[] ExifSegment(string make, string model)
    {
        var makeBytes = Encoding.ASCII.GetBytes(make + "\0");
        var modelBytes = Encoding.ASCII.GetBytes(model + "\0");
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(long v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

        const int ifd0 = 8;
        var makeAt = ifd0 + 2 + (3 * 12) + 4;
        var modelAt = makeAt + makeBytes.Length;
        var gpsAt = (modelAt + modelBytes.Length + 1) & ~1;
        var rationalsAt = gpsAt + 2 + (2 * 12) + 4;

        tiff.AddRange("MM"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(3);
        U16(0x010F); U16(2); U32(makeBytes.Length); U32(makeAt);
        U16(0x0110); U16(2); U32(modelBytes.Length); U32(modelAt);
        U16(0x8825); U16(4); U32(1); U32(gpsAt);
        U32(0);
        tiff.AddRange(makeBytes);
        tiff.AddRange(modelBytes);
        while (tiff.Count < gpsAt)
        {
            tiff.Add(0);
        }

        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(rationalsAt);
        U32(0);
        U32(50); U32(1); U32(51); U32(1); U32(1234); U32(100);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
