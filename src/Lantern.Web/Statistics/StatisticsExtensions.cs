using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.OpenData;
using Lantern.Web.Statistics.Publication;
using Lantern.Web.Statistics.Summaries;
using Lantern.Web.Statistics.Team;

namespace Lantern.Web.Statistics;

/// <summary>Statistics: the team's dashboard, the public figures and the open data (docs/STATISTICS.md).</summary>
public static class StatisticsExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LiveCount>();
        services.AddScoped<SummaryReader>();
        services.AddScoped<DaySummariser>();
        services.AddScoped<MonthRollup>();
        services.AddHostedService<DaySummaryJob>();
        services.AddScoped<StatisticsQuery>();
        services.AddScoped<StatisticsLabels>();
        services.AddScoped<TeamDashboard>();
        services.AddScoped<PublicFigures>();
        services.AddScoped<FrozenReleases>();
        services.AddScoped<PublicTables>();
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenData();
        return endpoints;
    }
}
