using System.Text.Json.Serialization;

namespace Lantern.Web.Triage.Api;

/// <summary>
/// A report as the staff API returns it: coded fields, the decrypted content the caller may read, internal notes for
/// the central team, and the properties other capabilities add (referrals, identifying details).
/// </summary>
public sealed record ReportDetail(
    string Reference,
    DateTime ReceivedAt,
    string Channel,
    string Role,
    string Language,
    string Country,
    string? Region,
    bool? ImmediateDanger,
    bool? MinorsInvolved,
    bool ContactRequested,
    int UrgencyLevel,
    IReadOnlyList<string> UrgencyReasons,
    string Status,
    DateTime? StatusChangedAt,
    DateTime? AcknowledgedAt,
    string? Outcome,
    string? AssignedTo,
    string? Case,
    IReadOnlyList<string> Forms,
    IReadOnlyList<string> Signs,
    ReportContent Content,
    bool ContactWithheld,
    string? ReferralScope,
    IReadOnlyList<ReportDetailNote>? Notes)
{
    /// <summary>What other capabilities add (<see cref="IReportDetailPart"/>), written as properties of the detail itself.</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Parts { get; } = [];
}
