using Lantern.Web.Platform.Persistence;
using Lantern.Web.Referrals.Regions;

namespace Lantern.Web.Referrals;

public static class ReferralsExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<RegionResolver>();
        services.AddSingleton<ISeeder, ReferralsSeeder>();
        return services;
    }
}
