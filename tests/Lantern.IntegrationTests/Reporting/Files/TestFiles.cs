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

    /// <summary>
    /// A real one-page PDF (correct cross-reference table) whose document information names <paramref name="marker"/>
    /// as author and creator, and whose XMP packet holds it with a GPS position, as a phone scanner app writes them.
    /// </summary>
    public static byte[] PdfWithMetadata(string marker)
    {
        var xmp = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + $"<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"><dc:creator>{marker}</dc:creator>"
            + "<exif:GPSLatitude>50,51.018N</exif:GPSLatitude><exif:GPSLongitude>4,21.102E</exif:GPSLongitude></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R >>",
            $"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n{xmp}\nendstream",
            $"<< /Author ({marker}) /Creator (Scanner of {marker}) /Title (Statement) >>",
            "<< /Length 0 >>\nstream\n\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = pdf.Length;
        pdf.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        pdf.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>An MP3 (ID3v2.3 tag, then MPEG audio frames of silence) whose tag names <paramref name="marker"/> as artist and in a comment with a place.</summary>
    public static byte[] Mp3WithTags(string marker)
    {
        static byte[] Frame(string id, byte[] content)
        {
            var header = new byte[10];
            Encoding.ASCII.GetBytes(id).CopyTo(header, 0);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), content.Length);
            return [.. header, .. content];
        }

        byte[] frames =
        [
            .. Frame("TPE1", [0, .. Encoding.Latin1.GetBytes(marker)]),
            .. Frame("COMM", [0, .. "eng"u8, 0, .. Encoding.Latin1.GetBytes("Recorded by " + marker + " at 50.8503N 4.3517E")]),
        ];
        var size = frames.Length;
        byte[] tag = [.. "ID3"u8, 3, 0, 0, (byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F), .. frames];
        var audio = new List<byte>(tag);
        for (var i = 0; i < 20; i++)
        {
            audio.AddRange([0xFF, 0xFB, 0x90, 0x64, .. new byte[413]]);
        }

        return [.. audio];
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
