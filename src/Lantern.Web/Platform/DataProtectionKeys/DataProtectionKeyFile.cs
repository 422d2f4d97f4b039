using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>
/// <c>keys/data-protection.key</c>: the 256-bit key that encrypts the data-protection key ring stored in the database.
/// Every process of a cluster needs the same file (copied like the index key); a process with another one refuses to
/// start (<see cref="DatabaseXmlRepository"/>) rather than make keys its peers cannot read.
/// </summary>
public sealed class DataProtectionKeyFile(DataDirectory dataDirectory)
{
    public const string FileName = "data-protection.key";

    private readonly Lazy<byte[]> _key = new(() => KeyFiles.ReadOrCreateSecret(Path.Combine(dataDirectory.KeysFolder, FileName), 32));

    public ReadOnlySpan<byte> Key => _key.Value;
}
