using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Web.Content.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Slug).HasMaxLength(ArticleSlugs.MaxLength);
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.HasIndex(a => new { a.Slug, a.Language }).IsUnique();

        // The published version is one of the article's own; SetNull would never fire as versions are not deleted.
        builder.HasOne<ArticleVersion>().WithMany().HasForeignKey(a => a.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
