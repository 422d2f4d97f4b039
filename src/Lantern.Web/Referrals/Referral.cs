using System.Linq.Expressions;
using Lantern.Web.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals;

/// <summary>
/// A report handed to a partner organisation. Its existence is what lets that organisation's caseworkers see
/// the report at all (every other report answers 404 to them); the scope says how much of it they see.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>See <see cref="ReferralScopes"/>.</summary>
    public required string Scope { get; set; }

    /// <summary>See <see cref="ReferralStates"/>.</summary>
    public required string State { get; set; }

    /// <summary>When the referral was confirmed and sent.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who confirmed (or added) the referral.</summary>
    public Guid? CreatedById { get; set; }

    /// <summary>The routing rule that proposed the referral; null when a person added it by hand.</summary>
    public int? RuleId { get; set; }

    /// <summary>The rule's name when it proposed the referral, kept even if the rule is later edited or removed.</summary>
    public string? RuleName { get; set; }

    /// <summary>When the partner must have acknowledged the referral (24 hours, 1 hour with immediate danger by default).</summary>
    public DateTime DueAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>When the partner accepted or declined.</summary>
    public DateTime? RespondedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The outcome code the partner recorded when closing.</summary>
    public string? Outcome { get; set; }

    /// <summary>When the partner last added an update, so the contact point sees that something is new.</summary>
    public DateTime? PartnerUpdatedAt { get; set; }

    /// <summary>When the contact point withdrew the referral (state <see cref="ReferralStates.Withdrawn"/>).</summary>
    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Who withdrew it.</summary>
    public Guid? WithdrawnById { get; set; }
}

/// <summary>What a referral lets the partner read.</summary>
public static class ReferralScopes
{
    public const string Full = "full";
    public const string WithoutContact = "without-contact";

    public static readonly string[] All = [Full, WithoutContact];
}

/// <summary>
/// Where a referral stands. <see cref="Withdrawn"/> is the contact point's, not the partner's: the row stays (with the
/// partner's updates, which the contact point keeps) but no longer lets the partner read the report.
/// </summary>
public static class ReferralStates
{
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Closed = "closed";
    public const string Withdrawn = "withdrawn";

    /// <summary>Every state, in the order lists offer them.</summary>
    public static readonly string[] All = [Sent, Acknowledged, Accepted, Declined, Closed, Withdrawn];

    /// <summary>
    /// A referral that still counts for the report's "referred" status and for referring the same organisation again: all
    /// but withdrawn ones. Whether it still opens the report to the partner is <see cref="OpensReport"/>.
    /// </summary>
    public static readonly Expression<Func<Referral, bool>> IsLive = f => f.State != Withdrawn;

    /// <summary>
    /// A referral that still lets its organisation read the report: not withdrawn, not declined (a partner that declines
    /// hands the report back at once), and not closed before <paramref name="closedBefore"/> (a closed referral stays
    /// readable, read-only, for <see cref="ReferralOptions.ClosedAccessDays"/>). Used only through
    /// <see cref="Triage.ReportScope.ReferralsTo"/>, which supplies the moment.
    /// </summary>
    public static Expression<Func<Referral, bool>> OpensReport(DateTime closedBefore) =>
        f => f.State != Withdrawn && f.State != Declined && (f.State != Closed || f.ClosedAt > closedBefore);

    /// <summary>Whether the partner may still act on (answer, update) a referral it can read: not once it is closed.</summary>
    public static bool IsAnswerable(string state) => state is not (Closed or Declined or Withdrawn);
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Scope).HasMaxLength(16);
        builder.Property(r => r.State).HasMaxLength(16);
        // One live referral per organisation and report; withdrawn ones stay as history beside a new one.
        builder.HasIndex(r => new { r.OrganisationId, r.ReportId }).IsUnique().HasFilter("\"State\" <> 'withdrawn'");
        builder.HasIndex(r => r.ReportId);
        builder.HasIndex(r => new { r.OrganisationId, r.CreatedAt });
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.Property(r => r.RuleName).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(32);
        builder.HasOne<Routing.RoutingRule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Accounts.StaffUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Accounts.StaffUser>().WithMany().HasForeignKey(r => r.WithdrawnById).OnDelete(DeleteBehavior.SetNull);
    }
}
