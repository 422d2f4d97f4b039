using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Cases;

/// <summary>
/// A group of reports about the same situation (the same workplace, the same people). It carries no content
/// of its own, only a reference: what the reports say stays encrypted in each report.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>The case reference, e.g. <c>CS-4F7K-9QXM</c>.</summary>
    public required string Reference { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(16);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasOne<Accounts.StaffUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
