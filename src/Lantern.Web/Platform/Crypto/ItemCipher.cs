using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// AES-256-GCM under a report's data key. Format v1: <c>0x01 | nonce(12) | ciphertext | tag(16)</c>.
/// The associated data binds each ciphertext to its report, item kind and sequence number.
/// Format v2 (<c>0x02 | nonce | ciphertext | tag</c>) binds it, beyond those, to a caller's <c>binding</c>: for a file's
/// chunk the file, the chunk's place in it and whether it is the last (see <c>Core/Files/FileBinding</c>). The
/// caller decides the format from what it reads (never from the ciphertext's first byte), so a v2 item can never be
/// read as v1 nor the reverse.
/// </summary>
public static class ItemCipher
{
    private const byte Version1 = 1;
    private const byte Version2 = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = 1 + NonceSize + TagSize;
    private const int AssociatedDataSize = 1 + 16 + 4 + 4;

    public static byte[] Encrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> plaintext) =>
        Seal(Version1, dataKey, reportId, kind, sequence, [], plaintext);

    /// <summary>Format v2: bound to <paramref name="binding"/> as well.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> binding, ReadOnlySpan<byte> plaintext) =>
        Seal(Version2, dataKey, reportId, kind, sequence, binding, plaintext);

    /// <exception cref="CryptographicException">The ciphertext was altered, moved to another item, or the key is wrong.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> ciphertext) =>
        Open(Version1, dataKey, reportId, kind, sequence, [], ciphertext);

    /// <summary>Format v2: fails unless the ciphertext was made with the same <paramref name="binding"/>.</summary>
    /// <exception cref="CryptographicException">The ciphertext was altered, moved, bound to something else, not v2, or the key is wrong.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> binding, ReadOnlySpan<byte> ciphertext) =>
        Open(Version2, dataKey, reportId, kind, sequence, binding, ciphertext);

    private static byte[] Seal(byte version, ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> binding, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[Overhead + plaintext.Length];
        output[0] = version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aad = AssociatedData(version, reportId, kind, sequence, binding);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(output.Length - TagSize), aad);
        return output;
    }

    private static byte[] Open(byte version, ReadOnlySpan<byte> dataKey, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> binding, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < Overhead || ciphertext[0] != version)
        {
            throw new CryptographicException("Unknown or truncated item format.");
        }

        var plaintext = new byte[ciphertext.Length - Overhead];
        var aad = AssociatedData(version, reportId, kind, sequence, binding);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Decrypt(ciphertext.Slice(1, NonceSize), ciphertext.Slice(1 + NonceSize, plaintext.Length), ciphertext[^TagSize..], plaintext, aad);
        return plaintext;
    }

    private static byte[] AssociatedData(byte version, Guid reportId, ItemKind kind, int sequence, ReadOnlySpan<byte> binding)
    {
        var aad = new byte[AssociatedDataSize + binding.Length];
        aad[0] = version;
        reportId.TryWriteBytes(aad.AsSpan(1, 16));
        BinaryPrimitives.WriteInt32BigEndian(aad.AsSpan(17, 4), (int)kind);
        BinaryPrimitives.WriteInt32BigEndian(aad.AsSpan(21, 4), sequence);
        binding.CopyTo(aad.AsSpan(AssociatedDataSize));
        return aad;
    }
}
