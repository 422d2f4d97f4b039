using System.Security.Cryptography;

namespace Lantern.Web.Platform.Crypto;

/// <summary>One generation of the staff key: report data keys are sealed to its public half.</summary>
public sealed class StaffKeyPair : IDisposable
{
    private StaffKeyPair(string id, ECDiffieHellman publicKey, ECDiffieHellman? privateKey)
    {
        Id = id;
        PublicKey = publicKey;
        PrivateKey = privateKey;
        PublicKeyBytes = publicKey.PublicKey.ExportSubjectPublicKeyInfo();
    }

    /// <summary>Short identifier stored beside every sealed data key, so rotation knows which key opens it.</summary>
    public string Id { get; }

    public ECDiffieHellman PublicKey { get; }

    /// <summary>Absent in an intake-only process.</summary>
    public ECDiffieHellman? PrivateKey { get; }

    public byte[] PublicKeyBytes { get; }

    public static StaffKeyPair Generate()
    {
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return FromPrivate(key);
    }

    public static StaffKeyPair FromPrivatePem(string pem)
    {
        var key = ECDiffieHellman.Create();
        key.ImportFromPem(pem);
        return FromPrivate(key);
    }

    public static StaffKeyPair FromPublicPem(string pem)
    {
        var key = ECDiffieHellman.Create();
        key.ImportFromPem(pem);
        return new StaffKeyPair(IdOf(key), key, privateKey: null);
    }

    public string ExportPrivatePem() =>
        (PrivateKey ?? throw new InvalidOperationException("This process holds no staff private key.")).ExportPkcs8PrivateKeyPem();

    public string ExportPublicPem() => PublicKey.ExportSubjectPublicKeyInfoPem();

    public void Dispose()
    {
        PublicKey.Dispose();
        if (!ReferenceEquals(PrivateKey, PublicKey))
        {
            PrivateKey?.Dispose();
        }
    }

    private static StaffKeyPair FromPrivate(ECDiffieHellman key) => new(IdOf(key), key, key);

    private static string IdOf(ECDiffieHellman key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.ExportSubjectPublicKeyInfo()).AsSpan(0, 8));
}
