namespace Lantern.Web.Reporting.Files;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class FilesData
{
    extension(LanternDbContext db)
    {
        public DbSet<ReportFile> ReportFiles => db.Set<ReportFile>();
    }
}
