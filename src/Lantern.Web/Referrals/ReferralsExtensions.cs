using Lantern.Web.Core.Staff;
using Lantern.Web.Referrals.Api;
using Lantern.Web.Referrals.Routing;

namespace Lantern.Web.Referrals;

public static class ReferralsExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new ReportPagePanel("/Referrals/Staff/_ReportReferrals.cshtml", Order: 10));
        services.AddSingleton<ISeeder, ReferralsSeeder>();
        services.AddScoped<RoutingEngine>();
        services.AddScoped<RoutingRules>();
        services.AddScoped<ReferralItems>();
        services.AddScoped<ReferralQueries>();
        services.AddScoped<Organisations.OrganisationEditor>();
        services.AddScoped<ReferralGrants>();
        services.AddScoped<Lantern.Web.Core.Access.IReportGrants>(provider => provider.GetRequiredService<ReferralGrants>());
        services.AddScoped<ReferralPanel>();
        services.AddScoped<IReportReferrals, LiveReferrals>();
        services.AddScoped<IReferralFacts, ReferralFacts>();
        services.AddScoped<IReportErasure, ReferralErasure>();
        services.AddScoped<IReportDetailPart, Referrals.Api.ReferralDetailPart>();
        services.AddScoped<ReferralDecisionSubject>();
        services.AddScoped<ReferReport>();
        services.AddScoped<DismissProposal>();
        services.AddScoped<WithdrawReferral>();
        services.AddScoped<RespondToReferral>();
        return services;
    }

    public static IEndpointRouteBuilder MapReferrals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReferralsApi();
        return endpoints;
    }
}
