namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// <c>Lantern:Keys</c>. Each key may come from configuration (environment variable or secret store);
/// when absent it is read from, or created in, the keys folder of the data directory.
/// </summary>
public sealed class KeyOptions
{
    public const string Section = "Lantern:Keys";

    /// <summary>Base64 of 32 bytes: the key of the blind indexes (HMAC-SHA256).</summary>
    public string? IndexKey { get; set; }

    /// <summary>Base64 of 32 bytes: the pepper mixed into every receipt verifier.</summary>
    public string? ReceiptPepper { get; set; }

    /// <summary>Base64 of 32 bytes: the key of the audit chain (HMAC-SHA256). Only processes that write or check the trail need it.</summary>
    public string? AuditKey { get; set; }

    /// <summary>PEM (PKCS#8) of the current staff private key (P-256). Only the staff and all-in-one roles need it.</summary>
    public string? StaffPrivateKey { get; set; }

    /// <summary>PEM (SubjectPublicKeyInfo) of the current staff public key, for an intake-only process.</summary>
    public string? StaffPublicKey { get; set; }
}
