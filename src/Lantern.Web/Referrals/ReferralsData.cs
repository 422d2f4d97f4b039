using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class ReferralsData
{
    extension(LanternDbContext db)
    {
        public DbSet<Referral> Referrals => db.Set<Referral>();

        public DbSet<RoutingRule> RoutingRules => db.Set<RoutingRule>();

        public DbSet<ReferralDismissal> ReferralDismissals => db.Set<ReferralDismissal>();
    }
}
