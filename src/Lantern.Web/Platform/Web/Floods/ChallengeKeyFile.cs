using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// <c>keys/challenge.key</c>: the 256-bit key that authenticates proof-of-work challenges, so that no server keeps them.
/// Every process of a cluster needs the same file (copied like <c>data-protection.key</c>): a challenge issued by one
/// node is then checked by any other.
/// </summary>
public sealed class ChallengeKeyFile(DataDirectory dataDirectory)
{
    public const string FileName = "challenge.key";

    private readonly Lazy<byte[]> _key = new(() => KeyFiles.ReadOrCreateSecret(Path.Combine(dataDirectory.KeysFolder, FileName), 32));

    public ReadOnlySpan<byte> Key => _key.Value;
}
