using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public class ItemCipherTests
{
    private static readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private static readonly Guid _reportId = Guid.CreateVersion7();
    private static readonly byte[] _plaintext = Encoding.UTF8.GetBytes("{\"description\":\"a man keeps our passports\"}");

    [Fact]
    public void Decrypt_OfEncrypt_GivesThePlaintextBack()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        var plaintext = ItemCipher.Decrypt(_key, _reportId, ItemKind.Answers, 0, ciphertext);

        Assert.Equal(_plaintext, plaintext);
    }

    [Fact]
    public void Encrypt_EmptyPlaintext_RoundTrips()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Message, 3, []);

        Assert.Empty(ItemCipher.Decrypt(_key, _reportId, ItemKind.Message, 3, ciphertext));
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_GivesDifferentCiphertexts()
    {
        var first = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);
        var second = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Encrypt_DoesNotContainThePlaintext()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.Equal(-1, ciphertext.AsSpan().IndexOf(Encoding.UTF8.GetBytes("passports")));
        Assert.Equal(1, ciphertext[0]);
    }

    [Theory]
    [InlineData(0)] // format version
    [InlineData(1)] // first nonce byte
    [InlineData(12)] // last nonce byte
    [InlineData(13)] // first ciphertext byte
    [InlineData(-17)] // last ciphertext byte
    [InlineData(-16)] // first tag byte
    [InlineData(-1)] // last tag byte
    public void Decrypt_WithAFlippedByte_Throws(int position)
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);
        var index = position >= 0 ? position : ciphertext.Length + position;

        ciphertext[index] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, _reportId, ItemKind.Answers, 0, ciphertext));
    }

    [Fact]
    public void Decrypt_UnderAnotherReportId_Throws()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, Guid.CreateVersion7(), ItemKind.Answers, 0, ciphertext));
    }

    [Fact]
    public void Decrypt_AsAnotherKindOfItem_Throws()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, _reportId, ItemKind.Message, 0, ciphertext));
    }

    [Fact]
    public void Decrypt_AtAnotherSequence_Throws()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Message, 1, _plaintext);

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, _reportId, ItemKind.Message, 2, ciphertext));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Throws()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(RandomNumberGenerator.GetBytes(32), _reportId, ItemKind.Answers, 0, ciphertext));
    }

    [Fact]
    public void Decrypt_TruncatedCiphertext_Throws()
    {
        var ciphertext = ItemCipher.Encrypt(_key, _reportId, ItemKind.Answers, 0, _plaintext);

        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, _reportId, ItemKind.Answers, 0, ciphertext.AsSpan(0, 20)));
        Assert.ThrowsAny<CryptographicException>(() => ItemCipher.Decrypt(_key, _reportId, ItemKind.Answers, 0, ciphertext.AsSpan(0, ciphertext.Length - 1)));
    }
}
