using System.Text;
using Lantern.Web.Core.Files;
using SkiaSharp;

namespace Lantern.Tests.Reporting.Files;

/// <summary>Content sniffing and the end checks, for every accepted type, whole and cut short, fed in chunks of any size.</summary>
public class FileTypesTests
{
    public static TheoryData<string> Types => ["jpeg", "png", "webp", "pdf", "wav", "ogg", "m4a", "webm", "mp3-id3", "mp3-frame"];

    [Theory]
    [MemberData(nameof(Types))]
    public void AWholeFile_IsRecognisedByItsContent_AndIsWhole_InAnyChunking(string kind)
    {
        var (bytes, expected) = Sample(kind);

        Assert.Same(expected, FileTypes.Sniff(bytes));
        foreach (var chunk in new[] { 1, 3, 7, 64, 4096, bytes.Length })
        {
            Assert.True(Inspect(expected, bytes, chunk), $"{kind} fed in chunks of {chunk} was judged incomplete.");
        }
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    [InlineData("pdf")]
    [InlineData("wav")]
    [InlineData("ogg")]
    [InlineData("m4a")]
    [InlineData("webm")]
    public void AFileCutShort_IsNotWhole(string kind)
    {
        var (bytes, type) = Sample(kind);

        foreach (var cut in new[] { 1, 7, bytes.Length / 2 })
        {
            Assert.False(Inspect(type, bytes[..^cut], 5), $"{kind} without its last {cut} bytes was judged whole.");
        }
    }

    [Fact]
    public void AWebMRecordedLive_WithoutADeclaredSize_IsAcceptedOnItsHeader()
    {
        var live = WebM(unknownSize: true);

        Assert.Same(FileTypes.WebM, FileTypes.Sniff(live));
        Assert.True(Inspect(FileTypes.WebM, live, 10));
    }

    [Theory]
    [InlineData("MZ\u0090\u0000executable")]
    [InlineData("#!/bin/sh\necho hello")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("PK\u0003\u0004zip archive")]
    [InlineData("GIF89a")]
    [InlineData("RIFF\u0010\u0000\u0000\u0000AVI LIST")]
    [InlineData("\u0000\u0000\u0000\u0018ftypqt  video")]
    [InlineData("")]
    public void OtherContent_IsNotAccepted_WhateverItIsCalled(string content)
    {
        Assert.Null(FileTypes.Sniff(Encoding.Latin1.GetBytes(content)));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Users\\someone\\Desktop\\scan.PDF", "scan.PDF")]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("photo.jpg", "photo.jpg.pdf")]
    [InlineData("  ..hidden.pdf  ", "hidden.pdf")]
    [InlineData("a\u0000b\u202Ec\nd.pdf", "abcd.pdf")]
    [InlineData("what?<>|\":*.pdf", "what.pdf")]
    [InlineData("", "file.pdf")]
    [InlineData(null, "file.pdf")]
    public void FileNames_AreSafe_AndEndInTheTypeFound(string? given, string expected)
    {
        Assert.Equal(expected, FileNames.Normalise(given, FileTypes.Pdf));
    }

    [Fact]
    public void FileNames_AreNormalised_AndLimited()
    {
        Assert.Equal("e\u0301t\u00e9.jpeg".Normalize(NormalizationForm.FormC), FileNames.Normalise("e\u0301t\u00e9.jpeg", FileTypes.Jpeg));
        var longName = FileNames.Normalise(new string('x', 500) + ".jpg", FileTypes.Jpeg);
        Assert.Equal(FileNames.MaxLength, longName.Length);
        Assert.EndsWith(".jpg", longName, StringComparison.Ordinal);
        var emoji = FileNames.Normalise(string.Concat(Enumerable.Repeat("\U0001F600", 100)) + ".png", FileTypes.Png);
        Assert.True(emoji.Length <= FileNames.MaxLength);
        Assert.True(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(emoji)) == emoji, "A surrogate pair was cut in half.");
    }

    private static bool Inspect(FileType type, byte[] bytes, int chunk)
    {
        var inspector = new FileInspector(type);
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            inspector.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        }

        return inspector.IsWhole();
    }

    private static (byte[] Bytes, FileType Type) Sample(string kind) => kind switch
    {
        "jpeg" => (Image(SKEncodedImageFormat.Jpeg), FileTypes.Jpeg),
        "png" => (Image(SKEncodedImageFormat.Png), FileTypes.Png),
        "webp" => (Image(SKEncodedImageFormat.Webp), FileTypes.WebP),
        "pdf" => (Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), FileTypes.Pdf),
        "wav" => (Wav(), FileTypes.Wav),
        "ogg" => (Ogg(), FileTypes.Ogg),
        "m4a" => (M4a(), FileTypes.Mp4Audio),
        "webm" => (WebM(unknownSize: false), FileTypes.WebM),
        "mp3-id3" => ([.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, .. Mp3Frame()], FileTypes.Mp3),
        _ => (Mp3Frame(), FileTypes.Mp3),
    };

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(40, 30);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Teal);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 80);
        return data.ToArray();
    }

    private static byte[] Wav()
    {
        var samples = new byte[400];
        var body = new List<byte>();
        body.AddRange("WAVE"u8.ToArray());
        body.AddRange("fmt "u8.ToArray());
        body.AddRange(BitConverter.GetBytes(16));
        body.AddRange([1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x40, 0x1F, 0, 0, 1, 0, 8, 0]);
        body.AddRange("data"u8.ToArray());
        body.AddRange(BitConverter.GetBytes(samples.Length));
        body.AddRange(samples);
        return [.. "RIFF"u8, .. BitConverter.GetBytes(body.Count), .. body];
    }

    private static byte[] OggPage(byte flags, int sequence, byte[] body)
    {
        var page = new List<byte>();
        page.AddRange("OggS"u8.ToArray());
        page.Add(0);
        page.Add(flags);
        page.AddRange(new byte[8]);
        page.AddRange([1, 2, 3, 4]);
        page.AddRange(BitConverter.GetBytes(sequence));
        page.AddRange(new byte[4]);
        var lacing = new List<byte>();
        var left = body.Length;
        while (left >= 255)
        {
            lacing.Add(255);
            left -= 255;
        }

        lacing.Add((byte)left);
        page.Add((byte)lacing.Count);
        page.AddRange(lacing);
        page.AddRange(body);
        return [.. page];
    }

    private static byte[] Ogg() =>
        [.. OggPage(0x02, 0, Encoding.ASCII.GetBytes("OpusHead\u0001\u0001")), .. OggPage(0x00, 1, new byte[600]), .. OggPage(0x04, 2, new byte[300])];

    private static byte[] M4a()
    {
        byte[] ftyp = [0, 0, 0, 20, .. "ftyp"u8, .. "M4A "u8, 0, 0, 0, 0, .. "M4A "u8];
        byte[] moov = [0, 0, 0, 16, .. "moov"u8, 0, 0, 0, 8, .. "free"u8];
        // A box with a 64-bit "largesize".
        byte[] mdat = [0, 0, 0, 1, .. "mdat"u8, 0, 0, 0, 0, 0, 0, 0, 16 + 100, .. new byte[100]];
        return [.. ftyp, .. moov, .. mdat];
    }

    private static byte[] WebM(bool unknownSize)
    {
        byte[] docType = [0x42, 0x82, 0x84, .. "webm"u8];
        byte[] header = [0x1A, 0x45, 0xDF, 0xA3, (byte)(0x80 | docType.Length), .. docType];
        var body = new byte[200];
        byte[] size = unknownSize ? [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] : [0x40, (byte)body.Length];
        return [.. header, 0x18, 0x53, 0x80, 0x67, .. size, .. body];
    }

    private static byte[] Mp3Frame() => [0xFF, 0xFB, 0x90, 0x64, .. new byte[413]];
}
