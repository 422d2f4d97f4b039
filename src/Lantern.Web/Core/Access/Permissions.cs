namespace Lantern.Web.Core.Access;

/// <summary>
/// Named permissions, checked by policy on every staff page and endpoint. Roles are granted permissions
/// here and nowhere else, so the role × permission matrix can be read (and tested) in one place.
/// </summary>
public static class Permissions
{
    public const string ReadReports = "reports.read";
    public const string TriageReports = "reports.triage";
    public const string ReadReferredReports = "referrals.read";

    /// <summary>Confirm, add and follow referrals of the contact point (issue 5).</summary>
    public const string ManageReferrals = "referrals.manage";

    /// <summary>Edit the routing rules that propose referrals.</summary>
    public const string ManageRouting = "routing.manage";
    public const string RecordCalls = "intake.phone";
    public const string RegisterCases = "intake.professional";
    public const string ReadGuidance = "guidance.read";
    public const string ManageUsers = "users.manage";
    public const string ManageContent = "content.manage";
    public const string ReadAudit = "audit.read";
    public const string ReadStatistics = "statistics.read";
    public const string Export = "data.export";
    public const string ManageOrganisations = "organisations.manage";

    /// <summary>Download the original of an image (with its metadata) kept as evidence; others see the rendition.</summary>
    public const string DownloadOriginals = "files.original";

    /// <summary>See the details found in many reports (hotspots) and mark a value "does not link" (issue 12).</summary>
    public const string ManageEntities = "entities.manage";

    public static readonly string[] All =
    [
        ReadReports, TriageReports, ReadReferredReports, ManageReferrals, ManageRouting, RecordCalls, RegisterCases, ReadGuidance,
        ManageUsers, ManageContent, ReadAudit, ReadStatistics, Export, ManageOrganisations, DownloadOriginals, ManageEntities,
    ];

    private static readonly Dictionary<string, string[]> _byRole = new(StringComparer.Ordinal)
    {
        [StaffRoles.Administrator] = [ManageUsers, ReadAudit, ReadStatistics, ManageContent, ManageOrganisations, ManageRouting],
        [StaffRoles.Coordinator] = [ReadReports, TriageReports, ManageReferrals, RecordCalls, ReadGuidance, ReadStatistics, Export, DownloadOriginals, ManageEntities],
        [StaffRoles.Analyst] = [ReadReports, TriageReports, ManageReferrals, ReadGuidance, ReadStatistics, DownloadOriginals],
        [StaffRoles.Operator] = [RecordCalls, ReadGuidance],
        [StaffRoles.PartnerCaseworker] = [ReadReferredReports, ReadGuidance],
        [StaffRoles.Professional] = [RegisterCases, ReadGuidance],
        [StaffRoles.Editor] = [ManageContent],
        [StaffRoles.Auditor] = [ReadAudit, ReadStatistics],
    };

    public static IReadOnlyList<string> Of(string role) => _byRole.TryGetValue(role, out var permissions) ? permissions : [];

    public static bool Grants(IEnumerable<string> roles, string permission) => roles.Any(role => Of(role).Contains(permission));
}
