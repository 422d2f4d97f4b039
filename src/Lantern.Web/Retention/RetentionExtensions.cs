namespace Lantern.Web.Retention;

/// <summary>Retention and erasure (docs/OPERATIONS.md, "Retention and erasure"): back office only, no pages.</summary>
public static class RetentionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DatabaseScrub>();
        services.AddScoped<ReportEraser>();
        services.AddScoped<RetentionSweep>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }
}
