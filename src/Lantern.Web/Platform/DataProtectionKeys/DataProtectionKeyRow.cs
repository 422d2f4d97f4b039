namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>
/// One key of ASP.NET Core Data Protection's key ring, as the XML it writes, shared by every Lantern process on the
/// database. Its secret is encrypted (<see cref="KeyFileXmlEncryptor"/>) under <c>keys/data-protection.key</c>,
/// which is never in the database: a copy of the database opens no draft, cookie or authenticator key.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public required string Xml { get; set; }
}
