using System.Security.Cryptography;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// Wraps a report's data key under a symmetric key (the reporter's receipt-derived key).
/// Format v1: <c>0x01 | nonce(12) | wrapped key(32) | tag(16)</c>, bound to the report id.
/// </summary>
public static class KeyWrap
{
    private const byte Version1 = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    public const int WrappedSize = 1 + NonceSize + KeySize + TagSize;

    public static byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> wrappingKey, Guid reportId)
    {
        var output = new byte[WrappedSize];
        output[0] = Version1;
        RandomNumberGenerator.Fill(output.AsSpan(1, NonceSize));
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Encrypt(output.AsSpan(1, NonceSize), dataKey, output.AsSpan(1 + NonceSize, KeySize), output.AsSpan(WrappedSize - TagSize), reportId.ToByteArray());
        return output;
    }

    public static byte[] Unwrap(ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> wrappingKey, Guid reportId)
    {
        if (wrapped.Length != WrappedSize || wrapped[0] != Version1)
        {
            throw new CryptographicException("Unknown or truncated wrapped key format.");
        }

        var dataKey = new byte[KeySize];
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Decrypt(wrapped.Slice(1, NonceSize), wrapped.Slice(1 + NonceSize, KeySize), wrapped[^TagSize..], dataKey, reportId.ToByteArray());
        return dataKey;
    }
}
