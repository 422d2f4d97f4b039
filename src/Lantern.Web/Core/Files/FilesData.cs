namespace Lantern.Web.Core.Files;

/// <summary>The report's files on <see cref="LanternDbContext"/>, declared beside them as every part of the model is.</summary>
public static class FilesData
{
    extension(LanternDbContext db)
    {
        public DbSet<ReportFile> ReportFiles => db.Set<ReportFile>();
    }
}
