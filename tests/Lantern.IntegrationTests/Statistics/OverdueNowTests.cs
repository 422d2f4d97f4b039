using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Referrals;
using Lantern.Web.Statistics.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Statistics;

/// <summary>
/// "Overdue now" on the dashboard (issue 14): open reports past the acknowledgement deadline (the shorter one with
/// immediate danger), open reports without a first personal reply in time, referrals the partner has not acknowledged by
/// their own deadline; closed reports and answered referrals never count. Counted as a difference, so whatever else is
/// in the database does not matter; each planted row sits on one side of one deadline.
/// </summary>
public abstract class OverdueNowTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task EachDeadline_CountsWhatIsPastIt_AndNothingElse()
    {
        var before = await OverdueAsync();
        var (ack, reply) = await WithAsync((IServiceProvider s) => Task.FromResult((
            s.GetRequiredService<IOptions<AcknowledgementOptions>>().Value, s.GetRequiredService<IOptions<FirstReplyOptions>>().Value)));
        var now = DateTime.UtcNow;

        await Factory.WithDbAsync(async (LanternDbContext db) =>
        {
            var payoke = await db.Organisations.Where(o => o.Code == "payoke").Select(o => o.Id).SingleAsync();
            // Immediate danger, not acknowledged an hour past its deadline: overdue. Replied to, so only that.
            Open(db, now.AddHours(-ack.AcknowledgeDangerWithinHours - 1), danger: true, acknowledged: false, replied: true);
            // No danger, not acknowledged, an hour inside the longer deadline: not overdue.
            Open(db, now.AddHours(-ack.AcknowledgeWithinHours + 1), danger: false, acknowledged: false, replied: true);
            // Acknowledged, no first reply a day past its deadline: overdue for the reply only.
            Open(db, now.AddDays(-reply.FirstReplyWithinDays - 1), danger: false, acknowledged: true, replied: false);
            // Acknowledged, no first reply, a day inside its deadline: not overdue.
            var referred = Open(db, now.AddDays(-reply.FirstReplyWithinDays + 1), danger: false, acknowledged: true, replied: false);
            // Closed, never acknowledged nor replied to, long ago: never overdue.
            db.Reports.Add(StatisticsSeed.Build(now.AddDays(-100), ReportCodes.Channels.Web, "witness", "fr", "BE-BRU", danger: true, minors: null, "labour"));
            // Referrals of one report: sent and past due (overdue), sent and not yet due, acknowledged after its due date.
            db.Add(Referral(referred, payoke, ReferralStates.Sent, due: now.AddHours(-1)));
            db.Add(Referral(referred, await db.Organisations.Where(o => o.Code == "child-focus").Select(o => o.Id).SingleAsync(), ReferralStates.Sent, due: now.AddHours(1)));
            db.Add(Referral(referred, await db.Organisations.Where(o => o.Code == "surya").Select(o => o.Id).SingleAsync(), ReferralStates.Acknowledged, due: now.AddHours(-2)));
            return await db.SaveChangesAsync();
        });

        var after = await OverdueAsync();
        Assert.Equal(before.Acknowledgement + 1, after.Acknowledgement);
        Assert.Equal(before.FirstReply + 1, after.FirstReply);
        Assert.Equal(before.ReferralAcknowledgement + 1, after.ReferralAcknowledgement);
    }

    private static Report Open(LanternDbContext db, DateTime received, bool danger, bool acknowledged, bool replied)
    {
        var report = StatisticsSeed.Build(received, ReportCodes.Channels.Web, "victim", "nl", "BE-VLG", danger, minors: false, "sexual");
        report.Status = acknowledged ? ReportStatus.InProgress : ReportStatus.New;
        report.StatusChangedAt = received;
        report.AcknowledgedAt = acknowledged ? received.AddMinutes(10) : null;
        report.FirstReplyAt = replied ? received.AddMinutes(20) : null;
        db.Reports.Add(report);
        return report;
    }

    private static Referral Referral(Report report, int organisation, string state, DateTime due) => new()
    {
        Id = Guid.CreateVersion7(),
        ReportId = report.Id,
        OrganisationId = organisation,
        Scope = ReferralScopes.Full,
        State = state,
        CreatedAt = due.AddHours(-24),
        DueAt = due,
        AcknowledgedAt = state == ReferralStates.Sent ? null : due.AddMinutes(30),
    };

    private Task<OverdueNow> OverdueAsync() => WithAsync((IServiceProvider s) => s.GetRequiredService<StatisticsQuery>().OverdueAsync(Cancellation));

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Factory.CreateScope();
        return await use(scope.ServiceProvider);
    }
}

public sealed class OverdueNowTestsOnSqlite(SqliteLanternFactory factory) : OverdueNowTests<SqliteLanternFactory>(factory);

public sealed class OverdueNowTestsOnPostgres(PostgresLanternFactory factory) : OverdueNowTests<PostgresLanternFactory>(factory);
