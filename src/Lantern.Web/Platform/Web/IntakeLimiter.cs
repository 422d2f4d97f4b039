using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Limits how many reports one client may send per minute, through the questionnaire and the API
/// together (the questionnaire's many step posts count once, when the report is sent).
/// </summary>
public sealed class IntakeLimiter(int perClientPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PerClientWindow.PerMinute(perClientPerMinute);

    /// <summary>False when this client has sent too many reports in the last minute.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
