using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>
/// Encrypts the secret part of each data-protection key (its master key) with AES-256-GCM under
/// <see cref="DataProtectionKeyFile"/> before the key ring is written to the database.
/// Format: <c>&lt;lanternEncrypted version="1"&gt;base64(nonce(12) | ciphertext | tag(16))&lt;/lanternEncrypted&gt;</c>.
/// </summary>
public sealed class KeyFileXmlEncryptor(DataProtectionKeyFile keyFile) : IXmlEncryptor
{
    internal const string ElementName = "lanternEncrypted";
    internal const int NonceSize = 12;
    internal const int TagSize = 16;
    internal static readonly byte[] AssociatedData = "lantern.data-protection.v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keyFile.Key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName, new XAttribute("version", "1"), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}
