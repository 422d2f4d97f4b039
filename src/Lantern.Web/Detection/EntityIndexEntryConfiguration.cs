using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Detection;

internal sealed class EntityIndexEntryConfiguration : IEntityTypeConfiguration<EntityIndexEntry>
{
    public void Configure(EntityTypeBuilder<EntityIndexEntry> builder)
    {
        builder.ToTable("entity_index");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Hash).HasMaxLength(16);

        // Covering: the links of a report are found from the index alone, without visiting the table.
        builder.HasIndex(e => new { e.Kind, e.Hash, e.ReportId });
        builder.HasIndex(e => e.ReportId);
        builder.HasOne<Lantern.Web.Core.Reports.Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
