using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Core.Reports;

/// <summary>
/// <c>Lantern:FollowUp:FirstReplyWithinDays</c>: when the team's first personal reply to a report is due. In the core
/// because both the thread (FollowUp) and the inbox (Triage) flag it, and neither may depend on the other for it.
/// </summary>
public sealed class FirstReplyOptions
{
    public const string Section = "Lantern:FollowUp";

    /// <summary>Days within which the team's first personal message is due; later ones are flagged in the inbox.</summary>
    [Range(1, 365)]
    public int FirstReplyWithinDays { get; set; } = 7;

    /// <summary>When the first personal reply to a report received at <paramref name="receivedAt"/> is due.</summary>
    public DateTime FirstReplyDue(DateTime receivedAt) => receivedAt.AddDays(FirstReplyWithinDays);
}
