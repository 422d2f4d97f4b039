using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// A count per client (keyed hash of the address, <see cref="ClientKey"/>) that refills every minute: what
/// <see cref="IntakeLimiter"/> and <see cref="TokenProbeLimiter"/> each count.
/// </summary>
internal static class PerClientWindow
{
    public static PartitionedRateLimiter<HttpContext> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
            }));
}
