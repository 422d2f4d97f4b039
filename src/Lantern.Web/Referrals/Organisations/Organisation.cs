using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Referrals.Organisations;

/// <summary>An organisation that receives or acts on reports (DOMAIN.md, "Who acts"). Data, seeded with the Belgian defaults.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. <c>pag-asa</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary><c>contact-point</c>, <c>victim-centre</c>, <c>child-protection</c>, <c>guardianship</c>, <c>shelter</c>, <c>police</c>, <c>inspection</c>, <c>rapporteur</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Comma-separated region codes served, or <c>national</c>.</summary>
    public required string Regions { get; set; }

    public string? Phone { get; set; }

    public bool ShowInDirectory { get; set; }

    public int SortOrder { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Kind).HasMaxLength(32);
        builder.Property(o => o.Regions).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(32);
    }
}
