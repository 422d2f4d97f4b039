using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Global and per-client limits without storing who the client is: the partition key is an HMAC of the
/// address under a random key held in memory and replaced every ten minutes (SECURITY.md).
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerClientPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        services.AddSingleton(new IntakeLimiter(options.IntakePerClientPerMinute));
        services.AddSingleton(new TokenProbeLimiter(options.FailedTokensPerClientPerMinute));
        return services;
    }
}
