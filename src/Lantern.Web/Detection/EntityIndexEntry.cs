using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Detection;

/// <summary>A blind index of one identifying detail of a report (never the detail itself).</summary>
public sealed class EntityIndexEntry
{
    public long Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary><c>phone</c>, <c>email</c>, <c>url</c>, <c>plate</c> or <c>company</c>.</summary>
    public required string Kind { get; set; }

    public required byte[] Hash { get; set; }
}

internal sealed class EntityIndexEntryConfiguration : IEntityTypeConfiguration<EntityIndexEntry>
{
    public void Configure(EntityTypeBuilder<EntityIndexEntry> builder)
    {
        builder.ToTable("entity_index");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.HasIndex(e => new { e.Kind, e.Hash });
        builder.HasIndex(e => e.ReportId);
        builder.HasOne<Reporting.Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
