using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Core.Audit;

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
