namespace Lantern.Web.Cases;

public static class CasesExtensions
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<GroupReports>();
        services.AddScoped<IReportGrouping>(provider => provider.GetRequiredService<GroupReports>());
        services.AddScoped<OpenCase>();
        services.AddScoped<IReportCases, ReportCases>();
        return services;
    }
}
