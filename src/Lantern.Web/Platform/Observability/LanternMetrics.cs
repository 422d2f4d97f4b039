using System.Diagnostics.Metrics;

namespace Lantern.Web.Platform.Observability;

/// <summary>
/// Lantern's own instruments (meter <c>Lantern</c>): reports received by channel, and gauges of work waiting (reports
/// not acknowledged in time, referrals the partner has not acknowledged by their due date, mail not yet sent), set by the
/// host's refresher from the database. Nothing here names a person, a report or an address: counts only.
/// </summary>
public sealed class LanternMetrics : IDisposable
{
    public const string MeterName = "Lantern";

    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private long _acknowledgementsOverdue;
    private long _firstRepliesOverdue;
    private long _referralsOverdue;
    private long _outboxBacklog;

    public LanternMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _received = _meter.CreateCounter<long>("lantern.reports.received", "{report}", "Reports stored, by channel.");
        _meter.CreateObservableGauge("lantern.reports.acknowledgement_overdue", () => Interlocked.Read(ref _acknowledgementsOverdue), "{report}", "Reports not acknowledged within their deadline.");
        _meter.CreateObservableGauge("lantern.reports.first_reply_overdue", () => Interlocked.Read(ref _firstRepliesOverdue), "{report}", "Reports without a first personal reply within its deadline.");
        _meter.CreateObservableGauge("lantern.referrals.overdue", () => Interlocked.Read(ref _referralsOverdue), "{referral}", "Referrals the partner has not acknowledged by their due date.");
        _meter.CreateObservableGauge("lantern.outbox.backlog", () => Interlocked.Read(ref _outboxBacklog), "{mail}", "Notices waiting in the mail outbox.");
    }

    public void ReportReceived(string channel) => _received.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>The waiting work as last read from the database.</summary>
    public void SetWaiting(long acknowledgements, long firstReplies, long referrals, long outbox)
    {
        Interlocked.Exchange(ref _acknowledgementsOverdue, acknowledgements);
        Interlocked.Exchange(ref _firstRepliesOverdue, firstReplies);
        Interlocked.Exchange(ref _referralsOverdue, referrals);
        Interlocked.Exchange(ref _outboxBacklog, outbox);
    }

    public void Dispose() => _meter.Dispose();
}
