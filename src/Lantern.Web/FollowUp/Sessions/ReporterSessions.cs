using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// The reporters' follow-up sessions, in the database so that any Lantern process behind the proxy serves the next
/// request. A session id is 256 random bits, given only to the reporter (cookie or API token). The server keeps its
/// SHA-256 and the report's data key wrapped under a key derived from the id (HKDF): a copy of the database, or of its
/// backups, holds no way into a thread, and the key exists in memory only during the request that uses it. A session
/// ends after <see cref="FollowUpOptions.SessionIdleMinutes"/> idle minutes (checked at each use, and rows swept by
/// <see cref="ExpiredSessionSweep"/>), at sign-out and escape (row deleted at once), and with its report.
/// </summary>
public sealed class ReporterSessions(LanternDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock)
{
    /// <summary>Prefix of an API token: never mistaken for a staff personal access token (<c>lnt_</c>).</summary>
    public const string ApiTokenPrefix = "lfu_";

    /// <summary>The last-use time is written at most this often: a session's idle time is exact to within a minute.</summary>
    private static readonly TimeSpan _touchEvery = TimeSpan.FromMinutes(1);
    private static readonly byte[] _wrappingInfo = "lantern.reporter-session.v1"u8.ToArray();

    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);

    /// <summary>Opens a session of <paramref name="reportId"/> and answers its id, to give to the reporter.</summary>
    public async Task<string> OpenAsync(ReporterSessionKind kind, Guid reportId, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        var id = RandomNumberGenerator.GetHexString(64, lowercase: true);
        if (kind == ReporterSessionKind.Api)
        {
            id = ApiTokenPrefix + id;
        }

        var wrappingKey = WrappingKey(id);
        try
        {
            db.Set<ReporterSession>().Add(new ReporterSession
            {
                IdHash = IdHash(id),
                Kind = kind,
                ReportId = reportId,
                WrappedKey = KeyWrap.Wrap(dataKey.Span, wrappingKey, reportId),
                LastUsedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }

        return id;
    }

    /// <summary>The session's report and its data key (the caller zeroes it), refreshing its idle time; null when unknown, of another kind, or expired.</summary>
    public async Task<ReporterAccess?> UseAsync(string? id, ReporterSessionKind kind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return null;
        }

        var hash = IdHash(id);
        var session = await db.Set<ReporterSession>().AsNoTracking().FirstOrDefaultAsync(s => s.IdHash == hash, cancellationToken);
        if (session is null || session.Kind != kind)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.LastUsedAt > Idle)
        {
            await EndAsync(id, cancellationToken);
            return null;
        }

        byte[] dataKey;
        var wrappingKey = WrappingKey(id);
        try
        {
            dataKey = KeyWrap.Unwrap(session.WrappedKey, wrappingKey, session.ReportId);
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }

        if (now - session.LastUsedAt >= _touchEvery)
        {
            await db.Set<ReporterSession>().Where(s => s.IdHash == hash)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastUsedAt, now), cancellationToken);
        }

        return new ReporterAccess(session.ReportId, dataKey);
    }

    /// <summary>Ends a session (sign-out, escape): its row, and with it the wrapped key, is deleted at once.</summary>
    public async Task EndAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return;
        }

        var hash = IdHash(id);
        await db.Set<ReporterSession>().Where(s => s.IdHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of a report except <paramref name="keep"/> (after the receipt was replaced).</summary>
    public async Task EndOthersAsync(Guid reportId, string? keep, CancellationToken cancellationToken)
    {
        var kept = keep is { Length: > 0 and <= 100 } ? IdHash(keep) : [];
        await db.Set<ReporterSession>().Where(s => s.ReportId == reportId && s.IdHash != kept).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes the sessions idle for longer than allowed; answers how many.</summary>
    public Task<int> EndExpiredAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Idle;
        return db.Set<ReporterSession>().Where(s => s.LastUsedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static byte[] IdHash(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id));

    private static byte[] WrappingKey(string id)
    {
        var secret = Encoding.UTF8.GetBytes(id);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: _wrappingInfo);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
