namespace Lantern.Web.Cases;

public static class CasesExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<GroupReports>();
        services.AddScoped<OpenCase>();
        services.AddScoped<Lantern.Web.Core.Reports.IReportCases, ReportCases>();
        return services;
    }
}
