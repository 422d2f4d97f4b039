using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Global and per-client limits without storing who the client is: the partition key is an HMAC of the
/// address under a random key held in memory and replaced every ten minutes (SECURITY.md). The global bound on the
/// public intake is <see cref="IntakeWriteGate"/>: a number of reports stored at once, not a rate.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClientKey>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Say when to come back (the end of the client's window), as the intake's own 429 and 503 do.
            limiter.OnRejected = (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    RetryAfter.Set(rejected.HttpContext.Response, retryAfter);
                }

                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RequestsPerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        services.AddSingleton(provider => new IntakeLimiter(
            provider.GetRequiredService<IOptions<RateLimitOptions>>().Value.IntakePerClientPerMinute, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new TokenProbeLimiter(provider.GetRequiredService<IOptions<RateLimitOptions>>().Value.FailedTokensPerClientPerMinute));
        services.AddSingleton<IntakeWriteGate>();
        return services;
    }
}
