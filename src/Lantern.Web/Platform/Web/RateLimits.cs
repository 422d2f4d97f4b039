using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary><c>Lantern:RateLimits</c>. Per client, per minute.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Lantern:RateLimits";

    /// <summary>Reports one client may submit per minute (questionnaire and API together).</summary>
    public int IntakePerClientPerMinute { get; set; } = 10;

    /// <summary>Requests of any kind one client may make per minute.</summary>
    public int RequestsPerClientPerMinute { get; set; } = 600;

    /// <summary>
    /// Refused bearer tokens one client may present per minute; beyond it every bearer request of that client
    /// answers 429 until the minute is over, without the token being looked up.
    /// </summary>
    public int FailedTokensPerClientPerMinute { get; set; } = 10;
}

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

/// <summary>
/// Limits how many reports one client may send per minute, through the questionnaire and the API
/// together (the questionnaire's many step posts count once, when the report is sent).
/// </summary>
public sealed class IntakeLimiter(int perClientPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perClientPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>False when this client has sent too many reports in the last minute.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Counts the bearer tokens a client presented that were refused (unknown, revoked, expired, malformed), per
/// minute. <see cref="TokenProbeGate"/> runs before authentication and answers 429 to every bearer request of a
/// client whose count is spent, so probing for tokens costs the prober, not the database. Tokens that work are
/// never counted: staff scripts using a valid token are limited only by the per-client request limit.
/// </summary>
public sealed class TokenProbeLimiter(int failuresPerClientPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = failuresPerClientPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>True when this client may still present a token (its refused ones are within the limit).</summary>
    public bool MayTry(HttpContext context) => _limiter.GetStatistics(context)?.CurrentAvailablePermits is not 0;

    /// <summary>Counts one refused token of this client.</summary>
    public void Failed(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Before authentication: a request with a bearer token from a client that has presented too many refused
/// tokens this minute answers 429 (with <c>Retry-After</c>), and the token is not looked up.
/// </summary>
public sealed class TokenProbeGate(RequestDelegate next, TokenProbeLimiter limiter)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && !limiter.MayTry(context))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "60";
            return Task.CompletedTask;
        }

        return next(context);
    }
}

/// <summary>A keyed hash of the client address, under a key that rotates; the address itself is never kept.</summary>
internal static class ClientKey
{
    private static readonly TimeSpan _rotation = TimeSpan.FromMinutes(10);
    private static (byte[] Key, long Epoch) _current = (RandomNumberGenerator.GetBytes(32), 0);

    public static string Of(HttpContext context)
    {
        var epoch = Environment.TickCount64 / (long)_rotation.TotalMilliseconds;
        var current = _current;
        if (current.Epoch != epoch)
        {
            current = (RandomNumberGenerator.GetBytes(32), epoch);
            _current = current;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        return Convert.ToBase64String(HMACSHA256.HashData(current.Key, Encoding.ASCII.GetBytes(address)).AsSpan(0, 12));
    }
}
