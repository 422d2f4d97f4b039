using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// Seals a report's data key to the staff public key: ephemeral ECDH (P-256), HKDF-SHA256, AES-256-GCM.
/// Format v1: <c>0x01 | ephemeral public point (65, uncompressed) | nonce(12) | sealed key(32) | tag(16)</c>.
/// Only a holder of the staff private key can open it; the public tier can seal but not open.
/// </summary>
public static class KeySealer
{
    private const byte Version1 = 1;
    private const int PointSize = 65;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    public const int SealedSize = 1 + PointSize + NonceSize + KeySize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> dataKey, StaffKeyPair recipient, Guid reportId)
    {
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = ephemeral.ExportParameters(includePrivateParameters: false).Q;
        var output = new byte[SealedSize];
        output[0] = Version1;
        WritePoint(output.AsSpan(1, PointSize), point);
        var wrappingKey = DeriveKey(ephemeral.DeriveRawSecretAgreement(recipient.PublicKey.PublicKey), output.AsSpan(1, PointSize), recipient, reportId);
        var nonce = output.AsSpan(1 + PointSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Encrypt(nonce, dataKey, output.AsSpan(1 + PointSize + NonceSize, KeySize), output.AsSpan(SealedSize - TagSize), reportId.ToByteArray());
        CryptographicOperations.ZeroMemory(wrappingKey);
        return output;
    }

    public static byte[] Open(ReadOnlySpan<byte> sealedKey, StaffKeyPair recipient, Guid reportId)
    {
        if (sealedKey.Length != SealedSize || sealedKey[0] != Version1)
        {
            throw new CryptographicException("Unknown or truncated sealed key format.");
        }

        var privateKey = recipient.PrivateKey ?? throw new CryptographicException("This process holds no staff private key.");
        var pointBytes = sealedKey.Slice(1, PointSize);
        using var ephemeral = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = pointBytes.Slice(1, 32).ToArray(), Y = pointBytes.Slice(33, 32).ToArray() },
        });
        var wrappingKey = DeriveKey(privateKey.DeriveRawSecretAgreement(ephemeral.PublicKey), pointBytes, recipient, reportId);
        var dataKey = new byte[KeySize];
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Decrypt(sealedKey.Slice(1 + PointSize, NonceSize), sealedKey.Slice(1 + PointSize + NonceSize, KeySize), sealedKey[^TagSize..], dataKey, reportId.ToByteArray());
        CryptographicOperations.ZeroMemory(wrappingKey);
        return dataKey;
    }

    private static byte[] DeriveKey(byte[] sharedSecret, ReadOnlySpan<byte> ephemeralPoint, StaffKeyPair recipient, Guid reportId)
    {
        // The salt binds the derived key to both public keys, the info to this format and this report.
        var salt = new byte[ephemeralPoint.Length + recipient.PublicKeyBytes.Length];
        ephemeralPoint.CopyTo(salt);
        recipient.PublicKeyBytes.CopyTo(salt.AsSpan(ephemeralPoint.Length));
        var info = Encoding.ASCII.GetBytes("lantern/seal/v1/" + reportId.ToString("N"));
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, KeySize, salt, info);
        CryptographicOperations.ZeroMemory(sharedSecret);
        return key;
    }

    private static void WritePoint(Span<byte> destination, ECPoint point)
    {
        destination[0] = 0x04;
        point.X.AsSpan().CopyTo(destination.Slice(1, 32));
        point.Y.AsSpan().CopyTo(destination.Slice(33, 32));
    }
}
