using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// AES-256-GCM under a report's data key. Format v1: <c>0x01 | nonce(12) | ciphertext | tag(16)</c>.
/// The associated data binds each ciphertext to its report, item kind and sequence number.
/// </summary>
public static class ItemCipher
{
    private const byte Version1 = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = 1 + NonceSize + TagSize;

    public static byte[] Encrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = Version1;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[AssociatedDataSize];
        WriteAssociatedData(aad, reportId, kind, sequence);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(output.Length - TagSize), aad);
        return output;
    }

    /// <exception cref="CryptographicException">The ciphertext was altered, moved to another item, or the key is wrong.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < Overhead || ciphertext[0] != Version1)
        {
            throw new CryptographicException("Unknown or truncated item format.");
        }

        var plaintext = new byte[ciphertext.Length - Overhead];
        Span<byte> aad = stackalloc byte[AssociatedDataSize];
        WriteAssociatedData(aad, reportId, kind, sequence);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Decrypt(ciphertext.Slice(1, NonceSize), ciphertext.Slice(1 + NonceSize, plaintext.Length), ciphertext[^TagSize..], plaintext, aad);
        return plaintext;
    }

    private const int AssociatedDataSize = 1 + 16 + 4 + 4;

    private static void WriteAssociatedData(Span<byte> aad, Guid reportId, ItemKind kind, int sequence)
    {
        aad[0] = Version1;
        reportId.TryWriteBytes(aad.Slice(1, 16));
        BinaryPrimitives.WriteInt32BigEndian(aad.Slice(17, 4), (int)kind);
        BinaryPrimitives.WriteInt32BigEndian(aad.Slice(21, 4), sequence);
    }
}
