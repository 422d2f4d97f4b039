using Lantern.Web.Core.Files;
using Lantern.Web.Core.Regions;
using Lantern.Web.Core.Reports.KeyRotation;

namespace Lantern.Web.Core;

/// <summary>The report core every capability shares: the database and the rules that are no single capability's.</summary>
public static class CoreExtensions
{
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPersistence(configuration);
        services.AddHealthChecks().AddDbContextCheck<LanternDbContext>("database");
        // Who may see a report, and the one way a use case finds the report a member may act on.
        services.AddScoped<ReportScope>();
        services.AddScoped<ReportFinder>();
        services.AddSingleton<EntityNormaliser>();
        services.AddScoped<ReportValidator>();
        services.AddSingleton<CallerLanguages>();
        services.AddFileStorage();

        // After a staff key rotation, the old key's reports are re-sealed to the new one in the background.
        services.AddScoped<StaffKeyResealing>();
        services.AddHostedService<StaffKeyResealJob>();
        services.AddSingleton<RegionResolver>();
        services.AddOptions<AcknowledgementOptions>().BindConfiguration(AcknowledgementOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FirstReplyOptions>().BindConfiguration(FirstReplyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
