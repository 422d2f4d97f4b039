using System.Text;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Privacy;

/// <summary>Looks for strings in stored bytes as UTF-8, UTF-16 little- and big-endian, ignoring ASCII case.</summary>
public static class StoredDataScan
{
    private static readonly Encoding[] _encodings = [Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode];

    /// <summary>One line per needle found: what, where, in which encoding.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<StoredBytes> stored, IEnumerable<string> needles)
    {
        var patterns = needles
            .Select(n => n.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .SelectMany(n => _encodings.Select(e => (Needle: n, Encoding: e.WebName, Bytes: e.GetBytes(n))))
            .ToList();
        var found = new List<string>();
        foreach (var item in stored)
        {
            var haystack = LowerAscii(item.Bytes);
            foreach (var (needle, encoding, bytes) in patterns)
            {
                if (haystack.AsSpan().IndexOf(bytes) >= 0)
                {
                    found.Add($"'{needle}' in {item.Where} ({encoding})");
                }
            }
        }

        return found;
    }

    // Lowering every byte in A-Z lowers ASCII letters in UTF-8 and in both UTF-16 byte orders; it can only add matches, never hide one.
    private static byte[] LowerAscii(byte[] bytes)
    {
        var lowered = (byte[])bytes.Clone();
        for (var i = 0; i < lowered.Length; i++)
        {
            if (lowered[i] is >= (byte)'A' and <= (byte)'Z')
            {
                lowered[i] += 32;
            }
        }

        return lowered;
    }
}
