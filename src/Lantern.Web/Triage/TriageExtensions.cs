using Lantern.Web.Triage.Api;
using Lantern.Web.Triage.Inbox;
using Lantern.Web.Triage.Reports;
using Microsoft.AspNetCore.OpenApi;

namespace Lantern.Web.Triage;

public static class TriageExtensions
{
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddScoped<OpenReport>();
        services.AddScoped<ChangeReportStatus>();
        services.AddScoped<AssignReport>();
        services.AddScoped<AddReportNote>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<InboxChoices>();
        services.Configure<OpenApiOptions>("v1", openApi => openApi.AddSchemaTransformer<ReportDetailSchema>());
        return services;
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder endpoints)
    {
        // The triage API: a staff token that may read reports, the member bound as a parameter.
        var reports = endpoints.MapGroup("/api/v1").RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports));
        reports.MapReportApi();
        reports.MapInboxApi();
        return endpoints;
    }
}
