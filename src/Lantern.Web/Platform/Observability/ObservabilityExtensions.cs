using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Lantern.Web.Platform.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// Lantern's meter always (a counter costs nothing unread); the OpenTelemetry pipeline with the Prometheus endpoint
    /// only when <c>Lantern:Metrics:Enabled</c>: it then listens on its own address and port (an HttpListener beside
    /// Kestrel), so the public port never serves it and a proxy in front of the site cannot expose it by mistake.
    /// </summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LanternMetrics>();
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.Enabled)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(LanternMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusHttpListener(listener =>
                {
                    listener.Host = options.Address;
                    listener.Port = options.Port;
                    listener.ScrapeEndpointPath = "/metrics";
                }));
        }

        return services;
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (no check: a database outage must not make an orchestrator restart every
    /// node at once); <c>/healthz/ready</c> and <c>/healthz</c>: every registered check (the database), so a node that
    /// cannot reach it is taken out of the proxy's rotation.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz/ready");
        endpoints.MapHealthChecks("/healthz");
        return endpoints;
    }
}
