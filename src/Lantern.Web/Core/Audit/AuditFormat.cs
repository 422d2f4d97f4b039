namespace Lantern.Web.Core.Audit;

/// <summary>How an entry's hash is made. Entries written before the audit key existed keep the bare hash.</summary>
public enum AuditFormat
{
    /// <summary>SHA-256 over the fields (<c>lantern/audit/v1</c>): anyone who can write the database can recompute it.</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA-256 under <c>keys/audit.key</c> (<c>lantern/audit/v2</c>): recomputing needs the key, kept outside the database.</summary>
    HmacSha256 = 1,
}
