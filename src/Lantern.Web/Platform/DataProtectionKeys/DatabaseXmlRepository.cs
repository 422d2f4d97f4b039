using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>
/// Data Protection's key ring in the database, so that every Lantern process behind the proxy reads the drafts,
/// antiforgery tokens and cookies another one wrote, and staff authenticator keys open everywhere. The first time the
/// ring is read, this process checks that its <see cref="DataProtectionKeyFile"/> opens the stored keys (a node given
/// another key file refuses to work instead of quietly making keys nobody else can read), and moves a key ring left in
/// <c>keys/data-protection/</c> by an earlier version into the database, its secrets encrypted on the way.
/// </summary>
public sealed partial class DatabaseXmlRepository(
    IServiceScopeFactory scopes, DataProtectionKeyFile keyFile, KeyFileXmlEncryptor encryptor, DataDirectory dataDirectory, ILogger<DatabaseXmlRepository> logger)
    : IXmlRepository
{
    private static readonly XNamespace _dataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private readonly Lock _prepare = new();
    private bool _prepared;

    public IReadOnlyCollection<XElement> GetAllElements() => (Prepare() ?? Read()).Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        db.Set<DataProtectionKeyRow>().Add(new DataProtectionKeyRow { Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    private List<string> Read()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        return db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
    }

    /// <summary>The first time only: imports or checks the stored ring, and answers it (null afterwards: read it afresh).</summary>
    private List<string>? Prepare()
    {
        lock (_prepare)
        {
            if (_prepared)
            {
                return null;
            }

            var stored = Read();
            if (stored.Count == 0 && ImportFolder())
            {
                stored = Read();
            }
            else
            {
                CheckKeyFileOpens(stored);
            }

            _prepared = true;
            return stored;
        }
    }

    private void CheckKeyFileOpens(List<string> stored)
    {
        foreach (var sealedSecret in stored.SelectMany(xml => XElement.Parse(xml).Descendants(_dataProtection + "encryptedSecret")))
        {
            if (sealedSecret.Elements().FirstOrDefault() is not { } sealedElement || sealedElement.Name.LocalName != KeyFileXmlEncryptor.ElementName)
            {
                continue;
            }

            try
            {
                KeyFileXmlDecryptor.Open(sealedElement, keyFile.Key);
            }
            catch (CryptographicException)
            {
                throw new InvalidOperationException(
                    $"keys/{DataProtectionKeyFile.FileName} does not open the data-protection keys stored in the database: this process has another " +
                    "key file than the one that wrote them. Copy keys/data-protection.key from a working Lantern process of this database " +
                    "(docs/OPERATIONS.md, 'Several nodes').");
            }
        }
    }

    /// <summary>Moves the key files an earlier version kept in <c>keys/data-protection/</c> into the database, encrypted, then deletes them.</summary>
    private bool ImportFolder()
    {
        var folder = new DirectoryInfo(dataDirectory.DataProtectionFolder);
        var files = folder.Exists ? folder.GetFiles("*.xml") : [];
        if (files.Length == 0)
        {
            return false;
        }

        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var element = XElement.Load(file.FullName);
                EncryptSecrets(element);
                db.Set<DataProtectionKeyRow>().Add(new DataProtectionKeyRow { Xml = element.ToString(SaveOptions.DisableFormatting) });
            }

            db.SaveChanges();
        }

        foreach (var file in files)
        {
            file.Delete();
        }

        LogImported(logger, files.Length);
        return true;
    }

    /// <summary>What Data Protection itself does before storing a key: each part marked requiresEncryption is replaced by its sealed form.</summary>
    private void EncryptSecrets(XElement key)
    {
        var secrets = key.Descendants().Where(e => (bool?)e.Attribute(_dataProtection + "requiresEncryption") == true).ToList();
        foreach (var secret in secrets)
        {
            var sealedSecret = encryptor.Encrypt(secret);
            secret.ReplaceWith(new XElement(
                _dataProtection + "encryptedSecret",
                new XAttribute("decryptorType", sealedSecret.DecryptorType.AssemblyQualifiedName!),
                sealedSecret.EncryptedElement));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} data-protection key(s) from keys/data-protection/ into the database, encrypted under keys/data-protection.key.")]
    private static partial void LogImported(ILogger logger, int count);
}
