namespace Lantern.Web.Cases;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class CasesData
{
    extension(LanternDbContext db)
    {
        public DbSet<Case> Cases => db.Set<Case>();
    }
}
