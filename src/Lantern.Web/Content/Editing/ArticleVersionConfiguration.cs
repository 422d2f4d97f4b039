using Lantern.Web.Content.Articles;
using Lantern.Web.Core.Staff;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Editing;

/// <summary>
/// Configured on the editing side, not beside the entity: the author is a staff account, which the public side (that reads
/// published versions) may not name.
/// </summary>
internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> builder)
    {
        builder.ToTable("article_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Title).HasMaxLength(ArticleVersion.MaxTitleLength);
        builder.Property(v => v.Summary).HasMaxLength(ArticleVersion.MaxSummaryLength);
        builder.Property(v => v.Body).HasMaxLength(ArticleVersion.MaxBodyLength);
        builder.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
