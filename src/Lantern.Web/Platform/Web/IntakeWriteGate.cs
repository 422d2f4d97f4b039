using System.Threading.RateLimiting;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// The global bound on the public intake of this node: at most <see cref="RateLimitOptions.ConcurrentReportWrites"/>
/// reports being stored at once, the others waiting in line, oldest first, up to
/// <see cref="RateLimitOptions.ReportWriteQueue"/>. Not a rate: a flood that pays the proof of work and stays within
/// the per-client limit makes people wait a little longer, it cannot lock them out; only a full line is refused, and
/// then with the answers kept (docs/SECURITY.md, "Floods").
/// </summary>
public sealed class IntakeWriteGate : IDisposable
{
    /// <summary>What a refused sender is told to wait: the line moves at the speed of a few writes, not of a minute.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly ConcurrencyLimiter _limiter;
    private readonly int _places;

    public IntakeWriteGate(IOptions<RateLimitOptions> options)
    {
        _places = options.Value.ConcurrentReportWrites;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _places,
            QueueLimit = options.Value.ReportWriteQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Reports holding a place now (being stored).</summary>
    public long Writing => _places - (_limiter.GetStatistics()?.CurrentAvailablePermits ?? _places);

    /// <summary>
    /// A place to store one report, waited for in line; hold it until the report is stored. Null when every place is
    /// taken and the line is full: store nothing, answer 503 with <see cref="RetryAfter"/>.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
