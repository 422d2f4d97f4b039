using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Crypto;

/// <summary>HMAC-SHA256 under the index key over a normalised value, truncated to 16 bytes: equal values link.</summary>
public sealed class BlindIndex(KeyRing keys)
{
    public const int Size = 16;

    public byte[] Compute(string kind, string normalisedValue)
    {
        var input = Encoding.UTF8.GetBytes(kind + ":" + normalisedValue);
        var full = HMACSHA256.HashData(keys.IndexKey, input);
        return full.AsSpan(0, Size).ToArray();
    }
}
