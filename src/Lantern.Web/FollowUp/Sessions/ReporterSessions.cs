using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// The reporters' follow-up sessions, held in memory only: a random 256-bit id maps to the report id and the
/// report's data key (unwrapped with the receipt at sign-in). Nothing about the session is written to disk, so a
/// copy of the server's storage never holds a way into a thread, and a restart signs every reporter out (they sign
/// in again with their receipt; docs/SECURITY.md). A session ends after <see cref="FollowUpOptions.SessionIdleMinutes"/>
/// idle minutes or at sign-out; its key is zeroed then.
/// </summary>
public sealed class ReporterSessions : IDisposable
{
    /// <summary>Prefix of an API token: never mistaken for a staff personal access token (<c>lnt_</c>).</summary>
    public const string ApiTokenPrefix = "lfu_";

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _idle;
    private readonly int _max;
    private readonly ITimer _sweeper;
    private long _lastSweep;

    public ReporterSessions(IOptions<FollowUpOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _idle = TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);
        _max = options.Value.MaxSessions;

        // Expired sessions' keys are zeroed within a minute even when nobody signs in or comes back.
        _sweeper = clock.CreateTimer(_ => Sweep(force: true), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    public int Count => _sessions.Count;

    /// <summary>Opens a session; the store keeps its own copy of <paramref name="dataKey"/>.</summary>
    public string Open(ReporterSessionKind kind, Guid reportId, ReadOnlySpan<byte> dataKey)
    {
        Sweep(force: _sessions.Count >= _max);
        if (_sessions.Count >= _max)
        {
            EndLeastRecentlyUsed();
        }

        var id = RandomNumberGenerator.GetHexString(64, lowercase: true);
        if (kind == ReporterSessionKind.Api)
        {
            id = ApiTokenPrefix + id;
        }

        _sessions[id] = new Entry(kind, reportId, dataKey.ToArray(), _clock.GetUtcNow());
        return id;
    }

    /// <summary>The session's report and a copy of its key, refreshing its idle time; null when unknown, of another kind, or expired.</summary>
    public ReporterAccess? Use(string? id, ReporterSessionKind kind)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !_sessions.TryGetValue(id, out var entry) || entry.Kind != kind)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        lock (entry)
        {
            if (entry.Ended || now - entry.LastUsed > _idle)
            {
                End(id);
                return null;
            }

            entry.LastUsed = now;
            return new ReporterAccess(entry.ReportId, entry.DataKey.ToArray());
        }
    }

    /// <summary>Ends a session (sign-out): its key is zeroed at once.</summary>
    public void End(string? id)
    {
        if (id is not null && _sessions.TryRemove(id, out var entry))
        {
            lock (entry)
            {
                entry.Ended = true;
                CryptographicOperations.ZeroMemory(entry.DataKey);
            }
        }
    }

    /// <summary>Ends every session of a report except <paramref name="keep"/> (after the receipt was replaced).</summary>
    public void EndOthers(Guid reportId, string? keep)
    {
        foreach (var (id, entry) in _sessions)
        {
            if (entry.ReportId == reportId && id != keep)
            {
                End(id);
            }
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var id in _sessions.Keys)
        {
            End(id);
        }
    }

    /// <summary>Ends expired sessions, at most once a minute unless forced (their keys must not linger in memory).</summary>
    private void Sweep(bool force)
    {
        var now = _clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweep);
        if (!force && now.UtcTicks - last < TimeSpan.TicksPerMinute)
        {
            return;
        }

        Interlocked.Exchange(ref _lastSweep, now.UtcTicks);
        foreach (var (id, entry) in _sessions)
        {
            if (now - entry.LastUsed > _idle)
            {
                End(id);
            }
        }
    }

    private void EndLeastRecentlyUsed()
    {
        var oldest = _sessions.OrderBy(e => e.Value.LastUsed).Select(e => e.Key).FirstOrDefault();
        End(oldest);
    }

    private sealed class Entry(ReporterSessionKind kind, Guid reportId, byte[] dataKey, DateTimeOffset lastUsed)
    {
        public ReporterSessionKind Kind { get; } = kind;

        public Guid ReportId { get; } = reportId;

        public byte[] DataKey { get; } = dataKey;

        public DateTimeOffset LastUsed { get; set; } = lastUsed;

        public bool Ended { get; set; }
    }
}
