using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Referrals;

/// <summary>The <c>Lantern:Referrals</c> section: how fast a partner must acknowledge a referral (docs/CONFIGURATION.md).</summary>
public sealed class ReferralOptions
{
    public const string Section = "Lantern:Referrals";

    [Range(1, 24 * 30)]
    public int AcknowledgeWithinHours { get; set; } = 24;

    /// <summary>The same for a report that says someone is in immediate danger.</summary>
    [Range(1, 24 * 30)]
    public int AcknowledgeDangerWithinHours { get; set; } = 1;

    public DateTime DueAt(DateTime sentAt, bool? immediateDanger) =>
        sentAt.AddHours(immediateDanger == true ? AcknowledgeDangerWithinHours : AcknowledgeWithinHours);
}

/// <summary>How a partner closes an accepted referral.</summary>
public static class ReferralOutcomes
{
    public static readonly string[] All = ["support-started", "investigation-opened", "no-contact", "not-trafficking", "handed-on", "other"];
}
