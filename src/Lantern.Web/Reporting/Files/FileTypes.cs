using System.Buffers.Binary;

namespace Lantern.Web.Reporting.Files;

/// <summary>A type Lantern accepts, as found in the content: the content type it is stored and served under.</summary>
public sealed record FileType(string ContentType, string Extension, bool IsImage);

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

/// <summary>
/// Follows a file as it streams by (chunk by chunk, never the whole of it) and says at the end whether it is
/// whole: JPEG ends with EOI, PNG with its IEND chunk, PDF has <c>%%EOF</c> near the end, RIFF (WebP, WAV) and
/// MP4 boxes add up to the length, an Ogg stream's last page is complete and marked end-of-stream, a WebM
/// segment of known size is all there. MP3 has no end marker (and a WebM recorded live declares no size):
/// those are accepted on their header alone.
/// </summary>
public sealed class FileInspector(FileType type)
{
    /// <summary>Enough for the largest Ogg page (27 + 255 + 255 × 255 bytes).</summary>
    private const int TailSize = 66 * 1024;

    /// <summary>Enough for an EBML header and the segment's size that follows it.</summary>
    private const int HeadSize = 1024;

    private readonly byte[] _tail = new byte[TailSize];
    private readonly byte[] _head = new byte[HeadSize];
    private readonly byte[] _box = new byte[16];
    private int _tailLength;
    private int _headLength;
    private long _length;
    private long _nextBox;
    private int _boxLength;
    private bool _boxToEnd;
    private bool _boxBroken;

    public FileType Type { get; } = type;

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_headLength < _head.Length)
        {
            var n = Math.Min(_head.Length - _headLength, data.Length);
            data[..n].CopyTo(_head.AsSpan(_headLength));
            _headLength += n;
        }

        if (Type == FileTypes.Mp4Audio)
        {
            WalkBoxes(data);
        }

        _length += data.Length;
        if (data.Length >= TailSize)
        {
            data[^TailSize..].CopyTo(_tail);
            _tailLength = TailSize;
        }
        else
        {
            var keep = Math.Min(_tailLength, TailSize - data.Length);
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            data.CopyTo(_tail.AsSpan(keep));
            _tailLength = keep + data.Length;
        }
    }

    /// <summary>Whether what was appended is a whole file of its type.</summary>
    public bool IsWhole()
    {
        var tail = _tail.AsSpan(0, _tailLength);
        var head = _head.AsSpan(0, _headLength);
        if (Type == FileTypes.Jpeg)
        {
            var end = tail.TrimEnd((ReadOnlySpan<byte>)[0x00, 0x0A, 0x0D, 0x20]);
            return end.Length > 4 && end.EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]);
        }

        if (Type == FileTypes.Png)
        {
            return tail.EndsWith((ReadOnlySpan<byte>)[0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]);
        }

        if (Type == FileTypes.WebP || Type == FileTypes.Wav)
        {
            // The RIFF size counts everything after its first 8 bytes; an odd size is padded by one byte.
            var declared = (long)BinaryPrimitives.ReadUInt32LittleEndian(head[4..8]) + 8;
            return _length == declared || _length == declared + 1;
        }

        if (Type == FileTypes.Pdf)
        {
            return tail[Math.Max(0, tail.Length - 1024)..].LastIndexOf("%%EOF"u8) >= 0;
        }

        if (Type == FileTypes.Ogg)
        {
            return OggEndsWhole(tail);
        }

        if (Type == FileTypes.Mp4Audio)
        {
            return !_boxBroken && _boxLength == 0 && (_boxToEnd || _nextBox == _length);
        }

        if (Type == FileTypes.WebM)
        {
            // The header and the segment's declared size sit in the first bytes.
            return Ebml.SegmentEnd(head) is not { } end || end == _length;
        }

        return _length > 4;
    }

    private void WalkBoxes(ReadOnlySpan<byte> data)
    {
        var start = _length;
        while (!_boxBroken && !_boxToEnd)
        {
            var at = _nextBox + _boxLength - start;
            if (at >= data.Length)
            {
                return;
            }

            var need = (_boxLength >= 8 && BinaryPrimitives.ReadUInt32BigEndian(_box) == 1) ? 16 : 8;
            var take = (int)Math.Min(need - _boxLength, data.Length - at);
            data.Slice((int)at, take).CopyTo(_box.AsSpan(_boxLength));
            _boxLength += take;
            if (_boxLength == 8 && BinaryPrimitives.ReadUInt32BigEndian(_box) == 1)
            {
                continue;
            }

            if (_boxLength < need)
            {
                return;
            }

            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(_box);
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(_box.AsSpan(8));
            }

            _boxLength = 0;
            if (size == 0)
            {
                _boxToEnd = true;
            }
            else if (size < 8)
            {
                _boxBroken = true;
            }
            else
            {
                _nextBox += size;
            }
        }
    }

    private static bool OggEndsWhole(ReadOnlySpan<byte> tail)
    {
        for (var p = tail.LastIndexOf("OggS"u8); p >= 0; p = tail[..p].LastIndexOf("OggS"u8))
        {
            if (p + 27 > tail.Length)
            {
                continue;
            }

            var segments = tail[p + 26];
            if (p + 27 + segments > tail.Length)
            {
                continue;
            }

            var body = 0;
            foreach (var lacing in tail.Slice(p + 27, segments))
            {
                body += lacing;
            }

            if (p + 27 + segments + body == tail.Length)
            {
                return (tail[p + 5] & 0x04) != 0;
            }
        }

        return false;
    }
}

/// <summary>Just enough EBML (Matroska/WebM) to tell a WebM file and where its segment ends.</summary>
internal static class Ebml
{
    private static readonly byte[] _docTypeId = [0x42, 0x82];

    public static bool IsWebM(ReadOnlySpan<byte> head)
    {
        if (head.Length < 5 || !ReadSize(head[4..], out var headerSize, out var sizeLength) || headerSize < 0 || 4 + sizeLength + headerSize > head.Length)
        {
            return false;
        }

        var header = head.Slice(4 + sizeLength, (int)headerSize);
        var at = header.IndexOf(_docTypeId);
        return at >= 0 && ReadSize(header[(at + 2)..], out var length, out var n) && length == 4
            && header.Length >= at + 2 + n + 4 && header.Slice(at + 2 + n, 4).SequenceEqual("webm"u8);
    }

    /// <summary>The file length a segment of declared size implies; null when the size is unknown (live recording).</summary>
    public static long? SegmentEnd(ReadOnlySpan<byte> head)
    {
        if (head.Length < 5 || !ReadSize(head[4..], out var headerSize, out var sizeLength) || headerSize < 0)
        {
            return null;
        }

        var segment = 4 + sizeLength + (int)headerSize;
        if (segment + 5 > head.Length || !head.Slice(segment, 4).SequenceEqual((ReadOnlySpan<byte>)[0x18, 0x53, 0x80, 0x67]))
        {
            return null;
        }

        if (!ReadSize(head[(segment + 4)..], out var size, out var n) || size < 0)
        {
            return null;
        }

        return segment + 4 + n + size;
    }

    /// <summary>An EBML variable-length size; all value bits set means "unknown" (returned as -1).</summary>
    private static bool ReadSize(ReadOnlySpan<byte> data, out long value, out int length)
    {
        value = 0;
        length = 0;
        if (data.Length == 0 || data[0] == 0)
        {
            return false;
        }

        length = System.Numerics.BitOperations.LeadingZeroCount((uint)data[0]) - 24 + 1;
        if (length > 8 || data.Length < length)
        {
            return false;
        }

        value = data[0] & (0xFF >> length);
        var allOnes = value == (0xFF >> length);
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | data[i];
            allOnes &= data[i] == 0xFF;
        }

        if (allOnes)
        {
            value = -1;
        }

        return true;
    }
}
