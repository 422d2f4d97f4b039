using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>Opens what <see cref="KeyFileXmlEncryptor"/> sealed; Data Protection creates it with the application's services.</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Open(encryptedElement, services.GetRequiredService<DataProtectionKeyFile>().Key);

    /// <summary>The element sealed in <paramref name="encryptedElement"/>; a <see cref="CryptographicException"/> when another key sealed it.</summary>
    internal static XElement Open(XElement encryptedElement, ReadOnlySpan<byte> key)
    {
        if (encryptedElement.Name.LocalName != KeyFileXmlEncryptor.ElementName || (string?)encryptedElement.Attribute("version") != "1")
        {
            throw new CryptographicException("Not a data-protection key sealed by Lantern's key file.");
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var length = sealedBytes.Length - KeyFileXmlEncryptor.NonceSize - KeyFileXmlEncryptor.TagSize;
        if (length <= 0)
        {
            throw new CryptographicException("Truncated data-protection key.");
        }

        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, KeyFileXmlEncryptor.TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, KeyFileXmlEncryptor.NonceSize),
                sealedBytes.AsSpan(KeyFileXmlEncryptor.NonceSize, length),
                sealedBytes.AsSpan(KeyFileXmlEncryptor.NonceSize + length),
                plaintext,
                KeyFileXmlEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
