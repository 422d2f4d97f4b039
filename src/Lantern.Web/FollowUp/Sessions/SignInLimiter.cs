using System.Threading.RateLimiting;
using Lantern.Web.Platform.Web;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// Receipt sign-in attempts per client (pages and API together), partitioned by the rotating keyed hash of the
/// address that the other limits use: no address is kept.
/// </summary>
public sealed class SignInLimiter(IOptions<FollowUpOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerClient,
            Window = TimeSpan.FromMinutes(options.Value.SignInWindowMinutes),
        }));

    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
