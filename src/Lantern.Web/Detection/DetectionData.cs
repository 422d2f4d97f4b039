namespace Lantern.Web.Detection;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class DetectionData
{
    extension(LanternDbContext db)
    {
        public DbSet<EntityIndexEntry> EntityIndex => db.Set<EntityIndexEntry>();

        public DbSet<IndexedReport> IndexedReports => db.Set<IndexedReport>();

        public DbSet<UnlinkedEntity> UnlinkedEntities => db.Set<UnlinkedEntity>();
    }
}
