using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Audit;

/// <summary>
/// The hash of an entry: SHA-256 over the previous hash and every field, each length-prefixed so that
/// no two different entries can serialise to the same bytes.
/// </summary>
public static class AuditHash
{
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Compute(AuditEntry entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData("lantern/audit/v1"u8);
        Append(hash, entry.PreviousHash);
        Append(hash, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        // The ticks as stored: UTC, truncated to microseconds (PostgreSQL's precision) when the entry was made.
        Append(hash, entry.At.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(hash, entry.Actor);
        Append(hash, entry.Action);
        Append(hash, entry.Record);
        Append(hash, entry.Detail);
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, string value) => Append(hash, Encoding.UTF8.GetBytes(value));

    private static void Append(IncrementalHash hash, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        hash.AppendData(length);
        hash.AppendData(value);
    }
}
