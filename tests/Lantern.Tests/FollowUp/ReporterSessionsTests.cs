using Lantern.Web.FollowUp;
using Lantern.Web.FollowUp.Sessions;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.FollowUp;

public class ReporterSessionsTests
{
    private static readonly Guid _report = Guid.NewGuid();
    private static readonly byte[] _key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void ASession_GivesItsReportAndACopyOfTheKey_WhileUsed()
    {
        var clock = new ManualClock();
        using var sessions = Sessions(clock);
        var id = sessions.Open(ReporterSessionKind.Page, _report, _key);

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(14));
            var access = sessions.Use(id, ReporterSessionKind.Page);
            Assert.NotNull(access);
            Assert.Equal(_report, access.ReportId);
            Assert.Equal(_key, access.DataKey);
            Array.Clear(access.DataKey);
        }

        // Clearing a copy leaves the session's own key intact.
        Assert.Equal(_key, sessions.Use(id, ReporterSessionKind.Page)!.DataKey);
    }

    [Fact]
    public void ASession_EndsAfter15IdleMinutes()
    {
        var clock = new ManualClock();
        using var sessions = Sessions(clock);
        var id = sessions.Open(ReporterSessionKind.Page, _report, _key);

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        Assert.Null(sessions.Use(id, ReporterSessionKind.Page));
        Assert.Equal(0, sessions.Count);
    }

    [Fact]
    public void SigningOut_EndsTheSession()
    {
        using var sessions = Sessions(new ManualClock());
        var id = sessions.Open(ReporterSessionKind.Page, _report, _key);

        sessions.End(id);

        Assert.Null(sessions.Use(id, ReporterSessionKind.Page));
    }

    [Fact]
    public void PageAndApiSessions_AreNotInterchangeable_AndApiTokensHaveTheirOwnPrefix()
    {
        using var sessions = Sessions(new ManualClock());
        var page = sessions.Open(ReporterSessionKind.Page, _report, _key);
        var api = sessions.Open(ReporterSessionKind.Api, _report, _key);

        Assert.Null(sessions.Use(page, ReporterSessionKind.Api));
        Assert.Null(sessions.Use(api, ReporterSessionKind.Page));
        Assert.StartsWith(ReporterSessions.ApiTokenPrefix, api, StringComparison.Ordinal);
        Assert.DoesNotContain("lnt_", api, StringComparison.Ordinal);
        Assert.Equal(64, page.Length);
    }

    [Fact]
    public void ReplacingTheReceipt_EndsTheReportsOtherSessions()
    {
        using var sessions = Sessions(new ManualClock());
        var mine = sessions.Open(ReporterSessionKind.Page, _report, _key);
        var other = sessions.Open(ReporterSessionKind.Api, _report, _key);
        var unrelated = sessions.Open(ReporterSessionKind.Page, Guid.NewGuid(), _key);

        sessions.EndOthers(_report, keep: mine);

        Assert.NotNull(sessions.Use(mine, ReporterSessionKind.Page));
        Assert.Null(sessions.Use(other, ReporterSessionKind.Api));
        Assert.NotNull(sessions.Use(unrelated, ReporterSessionKind.Page));
    }

    [Fact]
    public void AtCapacity_TheLeastRecentlyUsedSessionEnds()
    {
        var clock = new ManualClock();
        using var sessions = new ReporterSessions(Options.Create(new FollowUpOptions { MaxSessions = 10 }), clock);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(sessions.Open(ReporterSessionKind.Page, Guid.NewGuid(), _key));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        sessions.Open(ReporterSessionKind.Page, Guid.NewGuid(), _key);

        Assert.Equal(10, sessions.Count);
        Assert.Null(sessions.Use(ids[0], ReporterSessionKind.Page));
        Assert.NotNull(sessions.Use(ids[1], ReporterSessionKind.Page));
    }

    private static ReporterSessions Sessions(TimeProvider clock) => new(Options.Create(new FollowUpOptions()), clock);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
