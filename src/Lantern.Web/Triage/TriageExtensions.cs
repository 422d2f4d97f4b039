namespace Lantern.Web.Triage;

public static class TriageExtensions
{
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddScoped<ReportScope>();
        return services;
    }

    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder endpoints) => endpoints;
}
