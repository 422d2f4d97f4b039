namespace Lantern.Web.Accounts;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class AccountsData
{
    extension(LanternDbContext db)
    {
        public DbSet<PersonalAccessToken> PersonalAccessTokens => db.Set<PersonalAccessToken>();
    }
}
