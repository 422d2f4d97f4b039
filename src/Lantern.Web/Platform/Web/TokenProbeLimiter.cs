using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Counts the bearer tokens a client presented that were refused (unknown, revoked, expired, malformed), per
/// minute. <see cref="TokenProbeGate"/> runs before authentication and answers 429 to every bearer request of a
/// client whose count is spent, so probing for tokens costs the prober, not the database. Tokens that work are
/// never counted: staff scripts using a valid token are limited only by the per-client request limit.
/// </summary>
public sealed class TokenProbeLimiter(int failuresPerClientPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PerClientWindow.PerMinute(failuresPerClientPerMinute);

    /// <summary>True when this client may still present a token (its refused ones are within the limit).</summary>
    public bool MayTry(HttpContext context) => _limiter.GetStatistics(context)?.CurrentAvailablePermits is not 0;

    /// <summary>Counts one refused token of this client.</summary>
    public void Failed(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
    }

    public void Dispose() => _limiter.Dispose();
}
