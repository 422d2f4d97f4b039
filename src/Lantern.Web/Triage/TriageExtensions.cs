using Lantern.Web.Triage.Api;
using Lantern.Web.Triage.Reports;

namespace Lantern.Web.Triage;

public static class TriageExtensions
{
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddScoped<ReportScope>();
        services.AddScoped<OpenReport>();
        services.AddScoped<ChangeReportStatus>();
        services.AddScoped<AssignReport>();
        services.AddScoped<AddReportNote>();
        return services;
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReportApi();
        return endpoints;
    }
}
