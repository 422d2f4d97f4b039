namespace Lantern.Web.Core.Files;

/// <summary>
/// Which files Lantern accepts, judged by their first bytes (magic numbers) and never by the name or the
/// content type the sender claims. <see cref="FileInspector"/> then checks that the file also ends the way its
/// type ends, so a cut-off upload is refused rather than kept as broken evidence.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly FileType Png = new("image/png", ".png", true);
    public static readonly FileType WebP = new("image/webp", ".webp", true);
    public static readonly FileType Pdf = new("application/pdf", ".pdf", false);
    public static readonly FileType Mp3 = new("audio/mpeg", ".mp3", false);
    public static readonly FileType Mp4Audio = new("audio/mp4", ".m4a", false);
    public static readonly FileType Ogg = new("audio/ogg", ".ogg", false);
    public static readonly FileType Wav = new("audio/wav", ".wav", false);
    public static readonly FileType WebM = new("audio/webm", ".webm", false);

    public static readonly IReadOnlyList<FileType> All = [Jpeg, Png, WebP, Pdf, Mp3, Mp4Audio, Ogg, Wav, WebM];

    /// <summary>What the HTML file field offers to choose (a hint for the picker only; the content decides).</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,application/pdf,audio/*,.jpg,.jpeg,.png,.webp,.pdf,.mp3,.m4a,.ogg,.opus,.wav,.webm";

    /// <summary>MP4 brands of audio files (and the generic ones phones record voice memos under).</summary>
    private static readonly string[] _mp4Brands = ["M4A ", "M4B ", "mp42", "isom", "iso2", "3gp4", "3gp5", "3gp6"];

    public static FileType? ByContentType(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType);

    /// <summary>The type of a file starting with <paramref name="head"/> (give at least the first few KiB), or null.</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? WebP : head[8..12].SequenceEqual("WAVE"u8) ? Wav : null;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith("OggS"u8) && head.Length >= 27 && head[4] == 0)
        {
            return Ogg;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && IsAudioBrand(head[8..12]))
        {
            return Mp4Audio;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) && Ebml.IsWebM(head))
        {
            return WebM;
        }

        return IsMp3(head) ? Mp3 : null;
    }

    private static bool IsAudioBrand(ReadOnlySpan<byte> brand)
    {
        foreach (var known in _mp4Brands)
        {
            if (brand.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(known)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMp3(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 10 && head.StartsWith("ID3"u8))
        {
            // ID3v2: version 2..4, sizes are "syncsafe" (high bit clear in each byte).
            return head[3] is >= 2 and <= 4 && head[6] < 0x80 && head[7] < 0x80 && head[8] < 0x80 && head[9] < 0x80;
        }

        // A bare MPEG audio frame header: 11 sync bits, layer III, a valid bitrate and sample rate.
        return head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) == 0x02
            && (head[2] >> 4) is not 0 and not 0xF && ((head[2] >> 2) & 0x3) != 3;
    }
}
