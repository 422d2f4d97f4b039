namespace Lantern.Web.Core.Files;

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
