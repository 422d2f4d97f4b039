using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.DataProtectionKeys;

namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// The 256-bit key that authenticates proof-of-work challenges, so that no server keeps them. It is derived (HKDF) from
/// <c>keys/data-protection.key</c> rather than kept in a file of its own: every node of a cluster must already share
/// that file (a node with another one refuses to start), so a challenge issued by one node is checked by any other with
/// nothing more to copy. The derivation is one-way: this key reveals nothing of the data-protection key.
/// </summary>
public sealed class ChallengeKey(DataProtectionKeyFile dataProtectionKey)
{
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("lantern/proof-of-work-challenge/v1");

    private readonly Lazy<byte[]> _key = new(() => HKDF.DeriveKey(HashAlgorithmName.SHA256, dataProtectionKey.Key.ToArray(), 32, info: Purpose));

    public ReadOnlySpan<byte> Key => _key.Value;
}
