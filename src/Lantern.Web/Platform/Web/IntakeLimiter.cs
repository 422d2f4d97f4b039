using System.Collections.Concurrent;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// Limits how many reports one client may send per minute, through the questionnaire and the API together (the
/// questionnaire's many step posts count once, when the report is sent). A client's minute opens with its first counted
/// report and is read from the app's <see cref="TimeProvider"/>, the clock every other wait of the intake reads (the
/// proof of work's), so the time a refused person is told to wait is the time the limit really lasts. The client is its
/// <see cref="ClientKey"/>, never its address; a window is forgotten a minute after it ended.
/// </summary>
public sealed class IntakeLimiter(int perClientPerMinute, TimeProvider clock)
{
    private static readonly TimeSpan _window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>Counts one report of this client; false, with how long until its minute ends, when it has sent too many.</summary>
    public bool TryAcquire(HttpContext context, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var key = ClientKey.Of(context);
        while (true)
        {
            var window = _windows.GetOrAdd(key, static _ => new Window());
            lock (window)
            {
                // Swept away between the look-up and the lock: take the one that replaced it.
                if (window.Forgotten)
                {
                    continue;
                }

                if (window.Count == 0 || now - window.OpenedAt >= _window || now < window.OpenedAt)
                {
                    window.OpenedAt = now;
                    window.Count = 0;
                }

                if (window.Count < perClientPerMinute)
                {
                    window.Count++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = window.OpenedAt + _window - now;
                return false;
            }
        }
    }

    /// <summary>
    /// Gives back a report counted by <see cref="TryAcquire"/> that was then not stored because Lantern was too busy (the
    /// write line full): the client did nothing wrong and must not lose one of its reports to wait for. Not for a report
    /// refused because of what it held; those count, or a client could probe forever.
    /// </summary>
    public void GiveBack(HttpContext context)
    {
        if (_windows.TryGetValue(ClientKey.Of(context), out var window))
        {
            lock (window)
            {
                if (!window.Forgotten && window.Count > 0)
                {
                    window.Count--;
                }
            }
        }
    }

    /// <summary>At most once a minute: forgets the windows that have ended, so a flood from many addresses does not pile up.</summary>
    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + _window.Ticks, due) != due)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                if (now - window.OpenedAt >= _window && _windows.TryRemove(KeyValuePair.Create(key, window)))
                {
                    window.Forgotten = true;
                }
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset OpenedAt { get; set; }

        public int Count { get; set; }

        public bool Forgotten { get; set; }
    }
}
