using System.Security.Cryptography;
using System.Text;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.FollowUp.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.FollowUp;

public sealed class ReporterSessionsTestsOnSqlite(SqliteClockFactory factory) : ReporterSessionsTests<SqliteClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

public sealed class ReporterSessionsTestsOnPostgres(PostgresClockFactory factory) : ReporterSessionsTests<PostgresClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

/// <summary>
/// The follow-up sessions in the database, shared by every Lantern process: what they open, when they end, and that
/// a stored row opens nothing without the id only the reporter holds.
/// </summary>
public abstract class ReporterSessionsTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly byte[] _key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    protected abstract TestClock Clock { get; }

    [Fact]
    public async Task ASession_GivesItsReportAndItsKey_WhileUsed_ThenEndsAfterItsIdleMinutes()
    {
        var report = await AReportAsync();
        var id = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));

        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(14));
            var access = await WithSessionsAsync(s => s.UseAsync(id, ReporterSessionKind.Page, Cancellation));
            Assert.NotNull(access);
            Assert.Equal(report, access.ReportId);
            Assert.Equal(_key, access.DataKey);
        }

        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(61));
        Assert.Null(await WithSessionsAsync(s => s.UseAsync(id, ReporterSessionKind.Page, Cancellation)));
        Assert.False(await HasRowAsync(id));
    }

    [Fact]
    public async Task TheStoredRow_HoldsNeitherTheIdNorTheKey_AndOpensNothingWithoutTheId()
    {
        var report = await AReportAsync();
        var id = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Api, report, _key, Cancellation));

        var row = await Factory.WithDbAsync(db => db.Set<ReporterSession>().AsNoTracking().SingleAsync(s => s.ReportId == report, Cancellation));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(id)), row.IdHash);
        Assert.DoesNotContain(Convert.ToHexString(_key), Convert.ToHexString(row.WrappedKey), StringComparison.Ordinal);

        // An id of the right shape but another value opens nothing.
        var forged = id[..^1] + (id[^1] == '0' ? '1' : '0');
        Assert.Null(await WithSessionsAsync(s => s.UseAsync(forged, ReporterSessionKind.Api, Cancellation)));
        Assert.NotNull(await WithSessionsAsync(s => s.UseAsync(id, ReporterSessionKind.Api, Cancellation)));
    }

    [Fact]
    public async Task SigningOut_DeletesTheSession()
    {
        var report = await AReportAsync();
        var id = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));

        await WithSessionsAsync(async s =>
        {
            await s.EndAsync(id, Cancellation);
            return 0;
        });

        Assert.False(await HasRowAsync(id));
        Assert.Null(await WithSessionsAsync(s => s.UseAsync(id, ReporterSessionKind.Page, Cancellation)));
    }

    [Fact]
    public async Task PageAndApiSessions_AreNotInterchangeable_AndApiTokensHaveTheirOwnPrefix()
    {
        var report = await AReportAsync();
        var page = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));
        var api = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Api, report, _key, Cancellation));

        Assert.Null(await WithSessionsAsync(s => s.UseAsync(page, ReporterSessionKind.Api, Cancellation)));
        Assert.Null(await WithSessionsAsync(s => s.UseAsync(api, ReporterSessionKind.Page, Cancellation)));
        Assert.StartsWith(ReporterSessions.ApiTokenPrefix, api, StringComparison.Ordinal);
        Assert.DoesNotContain("lnt_", api, StringComparison.Ordinal);
        Assert.Equal(64, page.Length);
    }

    [Fact]
    public async Task ReplacingTheReceipt_EndsTheReportsOtherSessions()
    {
        var report = await AReportAsync();
        var otherReport = await AReportAsync();
        var mine = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));
        var other = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Api, report, _key, Cancellation));
        var unrelated = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, otherReport, _key, Cancellation));

        await WithSessionsAsync(async s =>
        {
            await s.EndOthersAsync(report, keep: mine, Cancellation);
            return 0;
        });

        Assert.NotNull(await WithSessionsAsync(s => s.UseAsync(mine, ReporterSessionKind.Page, Cancellation)));
        Assert.Null(await WithSessionsAsync(s => s.UseAsync(other, ReporterSessionKind.Api, Cancellation)));
        Assert.NotNull(await WithSessionsAsync(s => s.UseAsync(unrelated, ReporterSessionKind.Page, Cancellation)));
    }

    [Fact]
    public async Task TheSweep_DeletesIdleSessionsOnly()
    {
        var report = await AReportAsync();
        var idle = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));
        Clock.Advance(TimeSpan.FromMinutes(10));
        var recent = await WithSessionsAsync(s => s.OpenAsync(ReporterSessionKind.Page, report, _key, Cancellation));
        Clock.Advance(TimeSpan.FromMinutes(6));

        await WithSessionsAsync(s => s.EndExpiredAsync(Cancellation));

        Assert.False(await HasRowAsync(idle));
        Assert.True(await HasRowAsync(recent));
    }

    private async Task<Guid> AReportAsync()
    {
        var sent = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        return await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == sent.Reference).Select(r => r.Id).SingleAsync(Cancellation));
    }

    private async Task<T> WithSessionsAsync<T>(Func<ReporterSessions, Task<T>> action)
    {
        await using var scope = Factory.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ReporterSessions>());
    }

    private Task<bool> HasRowAsync(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return Factory.WithDbAsync(db => db.Set<ReporterSession>().AnyAsync(s => s.IdHash == hash, Cancellation));
    }
}
