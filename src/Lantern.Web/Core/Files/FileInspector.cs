using System.Buffers.Binary;

namespace Lantern.Web.Core.Files;

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
