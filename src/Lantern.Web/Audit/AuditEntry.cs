using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Audit;

/// <summary>How an entry's hash is made. Entries written before the audit key existed keep the bare hash.</summary>
public enum AuditFormat
{
    /// <summary>SHA-256 over the fields (<c>lantern/audit/v1</c>): anyone who can write the database can recompute it.</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA-256 under <c>keys/audit.key</c> (<c>lantern/audit/v2</c>): recomputing needs the key, kept outside the database.</summary>
    HmacSha256 = 1,
}

/// <summary>
/// One line of the audit trail: who did what to which record, and when. Entries are only ever appended;
/// each carries the hash of the one before it, so removing or changing any entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who: a staff account id, <c>system</c>, <c>cli</c>, or <c>anonymous</c> for a failed sign-in.</summary>
    public required string Actor { get; set; }

    /// <summary>What: a stable code such as <c>report.read</c> or <c>sign-in.failed</c>.</summary>
    public required string Action { get; set; }

    /// <summary>Which record: e.g. a report reference; empty when none.</summary>
    public required string Record { get; set; }

    /// <summary>Non-identifying detail (never report content).</summary>
    public required string Detail { get; set; }

    public required byte[] PreviousHash { get; set; }

    public required byte[] Hash { get; set; }

    public AuditFormat Format { get; set; }

    /// <summary>Not stored: the order in which entries were staged in one DbContext, so that they are chained in that order.</summary>
    internal long StagedOrder { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.At);
        builder.Property(e => e.Actor).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Record).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.Ignore(e => e.StagedOrder);
        builder.HasIndex(e => new { e.Action, e.At });
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.HasIndex(e => new { e.Record, e.At });
    }
}
