namespace Lantern.Web.Core.Access;

/// <summary>The roles of SECURITY.md. What each may do is in <see cref="Permissions"/>.</summary>
public static class StaffRoles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Analyst = "Analyst";
    public const string Operator = "Operator";
    public const string PartnerCaseworker = "PartnerCaseworker";
    public const string Professional = "Professional";
    public const string Editor = "Editor";
    public const string Auditor = "Auditor";

    public static readonly string[] All = [Administrator, Coordinator, Analyst, Operator, PartnerCaseworker, Professional, Editor, Auditor];

    /// <summary>The role name as written, whatever the case the operator typed; null when unknown.</summary>
    public static string? Find(string name) => All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
