namespace Lantern.Web.Audit;

public static class AuditExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<Browse.AuditSearch>();
        return services;
    }
}
