using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// HMAC-SHA256 over a normalised value, truncated to 16 bytes: equal values link. Each kind of value has its own key,
/// derived from the index key with HKDF, so a phone's index and a plate's index are unrelated even for equal text.
/// </summary>
public sealed class BlindIndex
{
    public const int Size = 16;

    private readonly byte[] _key;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _kindKeys = new(StringComparer.Ordinal);

    public BlindIndex(KeyRing keys)
        : this(keys.IndexKey)
    {
    }

    private BlindIndex(byte[] key)
    {
        _key = key;
        Fingerprint = HMACSHA256.HashData(key, "lantern blind index fingerprint"u8).AsSpan(0, 8).ToArray();
    }

    /// <summary>
    /// Eight bytes that tell index keys apart (an HMAC under the key, which reveals nothing of it): indexes written under
    /// another key than the current one must be rebuilt.
    /// </summary>
    public byte[] Fingerprint { get; }

    /// <summary>An index under another key than the process's own (the key rotation rebuilds under the new key).</summary>
    public static BlindIndex WithKey(byte[] key) => new(key);

    public byte[] Compute(string kind, string normalisedValue)
    {
        var key = _kindKeys.GetOrAdd(kind, k => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes("lantern blind index v2:" + k)));
        var full = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalisedValue));
        return full.AsSpan(0, Size).ToArray();
    }
}
