using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Reporting.Catalogue;

/// <summary>A form of exploitation (DOMAIN.md). The code is stable; the text comes from the catalogues (<c>form.{code}</c>).</summary>
public sealed class ExploitationForm
{
    public required string Code { get; set; }

    public int SortOrder { get; set; }

    public bool Enabled { get; set; } = true;
}

/// <summary>A sign of trafficking (DOMAIN.md). The text comes from the catalogues (<c>sign.{code}</c>).</summary>
public sealed class Sign
{
    public required string Code { get; set; }

    public int SortOrder { get; set; }

    public bool Enabled { get; set; } = true;
}

internal sealed class ExploitationFormConfiguration : IEntityTypeConfiguration<ExploitationForm>
{
    public void Configure(EntityTypeBuilder<ExploitationForm> builder)
    {
        builder.ToTable("exploitation_forms");
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(32);
    }
}

internal sealed class SignConfiguration : IEntityTypeConfiguration<Sign>
{
    public void Configure(EntityTypeBuilder<Sign> builder)
    {
        builder.ToTable("signs");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(32);
    }
}
