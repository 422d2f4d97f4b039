namespace Lantern.Web.Detection.Extraction;

/// <summary>The kinds of identifying detail detection extracts, as the API and the index name them.</summary>
public static class EntityKinds
{
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Iban = "iban";
    public const string Company = "company";
    public const string Plate = "plate";
    public const string Handle = "handle";
    public const string Url = "url";

    public static readonly string[] All = [Phone, Email, Iban, Company, Plate, Handle, Url];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
