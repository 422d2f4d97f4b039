using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Core.Audit;

/// <summary>
/// The hash of an entry over the previous hash and every field, each length-prefixed so that no two
/// different entries can serialise to the same bytes. Format <see cref="AuditFormat.HmacSha256"/> (every new
/// entry) is keyed with the audit key, kept outside the database, so that write access to the database
/// alone cannot rebuild a rewritten chain; <see cref="AuditFormat.Sha256"/> is how entries were hashed
/// before, and still verifies as it always did.
/// </summary>
public static class AuditHash
{
    public static readonly byte[] Genesis = new byte[32];

    /// <summary>The entry's hash in its own format; null when it is keyed and no key is given, or its format is unknown.</summary>
    public static byte[]? Compute(AuditEntry entry, byte[]? key)
    {
        using var hash = entry.Format switch
        {
            AuditFormat.Sha256 => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
            AuditFormat.HmacSha256 when key is not null => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key),
            _ => null,
        };
        if (hash is null)
        {
            return null;
        }

        hash.AppendData(entry.Format == AuditFormat.Sha256 ? "lantern/audit/v1"u8 : "lantern/audit/v2"u8);
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
