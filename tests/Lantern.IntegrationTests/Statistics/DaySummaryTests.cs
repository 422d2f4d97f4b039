using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Lantern.Web.Retention;
using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Summaries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Statistics;

/// <summary>
/// The day summaries (issue 14): summarised days give the figures the live count gives, a change to an old report (by
/// any write path) is counted at once and summarised again at the job's next run, a change during a recompute is not
/// lost, and intake never writes the dirty marks. The job's loop is off here; the tests run its own code step by step.
/// </summary>
public abstract class DaySummaryTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateTime _windowStart = _today.AddDays(-40).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private static readonly DateTime _windowEnd = _today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    // A month that is always whole and ended: the one before last.
    private static readonly DateOnly _month = MonthRollup.MonthOf(_today).AddMonths(-2);

    // Durations on every part of DurationScale, its edges and either side of them (minutes; null: not acknowledged).
    private static readonly long?[] _acknowledgements = [0, 37, 60, 119, 120, 121, 126, 127, 313, 1439, 1440, 1441, 2879, 2880, 2881, 4620, 43199, 43200, 43201, 64800, null];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PlantAsync();
    }

    [Fact]
    public async Task SummarisedDays_GiveTheFiguresOfTheLiveCount()
    {
        await SummariseAllAsync();

        var clean = await WithAsync((SummaryReader r) => r.CleanDaysAsync(_windowStart, _windowEnd, Cancellation));
        Assert.Contains(Day(0), clean);
        Assert.Contains(Day(24), clean);
        Assert.DoesNotContain(_today, clean);
        await AssertSameAsLiveAsync(_windowStart, _windowEnd);
        // A period that starts and ends inside days: its ends are counted live, the days between from the summaries.
        await AssertSameAsLiveAsync(Day(3).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), Day(20).ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
        await AssertSameAsLiveAsync(Day(10).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Day(11).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("acknowledge", 20)]
    [InlineData("referral-outcome", 3)]
    [InlineData("form", 4)]
    [InlineData("referral", 5)]
    [InlineData("erasure", 7)]
    [InlineData("delete", 8)]
    public async Task AChangeToAnOldReport_CountsAtOnce_AndIsSummarisedAtTheNextRun(string change, int index)
    {
        await SummariseAllAsync();
        var before = await FiguresAsync();
        var report = await WithAsync((LanternDbContext db) => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == Reference(index), Cancellation));
        var day = DateOnly.FromDateTime(report.ReceivedAt);

        await ChangeAsync(change, report);

        Assert.True(await IsDirtyAsync(day), $"{change} did not mark {day}");
        var after = await AssertSameAsLiveAsync(_windowStart, _windowEnd);
        Assert.NotEqual(Describe(before), Describe(after));

        await WithAsync((DaySummariser s) => s.RecomputeDirtyAsync(1000, Cancellation));

        Assert.False(await IsDirtyAsync(day));
        Assert.Contains(day, await WithAsync((SummaryReader r) => r.CleanDaysAsync(_windowStart, _windowEnd, Cancellation)));
        Assert.Equal(Describe(after), Describe(await AssertSameAsLiveAsync(_windowStart, _windowEnd)));
    }

    [Fact]
    public async Task AChangeDuringARecompute_IsNotLost()
    {
        await SummariseAllAsync();
        var reference = Reference(9);
        var day = DateOnly.FromDateTime(await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Reference == reference).Select(r => r.ReceivedAt).SingleAsync(Cancellation)));
        await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Reference == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AcknowledgedAt, r => r.ReceivedAt.AddMinutes(5)), Cancellation));

        // The recompute's steps, with a change between its count and its write.
        var seen = await WithAsync((LanternDbContext db) => db.StatisticsDirtyDays.Where(d => d.Day == day).Select(d => d.Seq).SingleAsync(Cancellation));
        var counted = await WithAsync((DaySummariser s) => s.CountDayAsync(day, Cancellation));
        await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Reference == reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FirstReplyAt, r => r.ReceivedAt.AddHours(30)), Cancellation));
        var clean = await WithAsync((DaySummariser s) => s.WriteAsync(day, counted, seen, Cancellation));

        Assert.False(clean);
        Assert.True(await IsDirtyAsync(day));
        var live = await AssertSameAsLiveAsync(_windowStart, _windowEnd);
        Assert.NotEqual(counted.Durations.Count(d => d.Kind == DurationKinds.Replied), (await WithAsync((DaySummariser s) => s.CountDayAsync(day, Cancellation))).Durations.Count(d => d.Kind == DurationKinds.Replied));

        await WithAsync((DaySummariser s) => s.RecomputeDirtyAsync(1000, Cancellation));

        Assert.False(await IsDirtyAsync(day));
        Assert.Equal(Describe(live), Describe(await AssertSameAsLiveAsync(_windowStart, _windowEnd)));
    }

    [Fact]
    public async Task AWholeMonth_IsReadFromItsRollUp_WhichADayChangedInsideItRemoves()
    {
        await SummariseAllAsync();
        Assert.True(await IsRolledUpAsync(_month));
        var from = _month.AddDays(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var before = await AssertSameAsLiveAsync(from, _windowEnd);
        var report = await WithAsync((LanternDbContext db) => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == "DAYS-M15", Cancellation));

        // A day inside the month changes: its month is no longer read (the day is dirty) and, once the day is summarised
        // again, no longer exists until the next run builds it again from the days.
        await ChangeAsync("acknowledge", report);
        var changed = await AssertSameAsLiveAsync(from, _windowEnd);
        Assert.NotEqual(Describe(before), Describe(changed));
        await WithAsync((DaySummariser s) => s.RecomputeDirtyAsync(1000, Cancellation));
        Assert.False(await IsRolledUpAsync(_month));
        Assert.Equal(Describe(changed), Describe(await AssertSameAsLiveAsync(from, _windowEnd)));
        await SummariseAllAsync();
        Assert.True(await IsRolledUpAsync(_month));
        Assert.Equal(Describe(changed), Describe(await AssertSameAsLiveAsync(from, _windowEnd)));

        // The month is read from its own rows: with its day rows put out of sight, the figures are still the live count's.
        await MoveDayRowsAsync(SummarySpan.Day, (SummarySpan)9);
        try
        {
            Assert.Equal(Describe(changed), Describe(await AssertSameAsLiveAsync(from, _windowEnd)));
        }
        finally
        {
            await MoveDayRowsAsync((SummarySpan)9, SummarySpan.Day);
        }
    }

    [Fact]
    public async Task IntakeOfToday_NeverWritesTheDirtyMarks()
    {
        await SummariseAllAsync();
        var before = await FiguresAsync();

        var sent = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Reference == sent.Reference)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AcknowledgedAt, DateTime.UtcNow), Cancellation));

        Assert.Equal(0, await WithAsync((LanternDbContext db) => db.StatisticsDirtyDays.CountAsync(Cancellation)));
        Assert.False(await WithAsync((LanternDbContext db) => db.StatisticsDays.AnyAsync(d => d.Day >= _today, Cancellation)));
        var after = await AssertSameAsLiveAsync(_windowStart, _windowEnd);
        Assert.Equal(before.Total + 1, after.Total);
    }

    private async Task ChangeAsync(string change, Report report)
    {
        switch (change)
        {
            case "acknowledge":
                await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Id == report.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.AcknowledgedAt, report.ReceivedAt.AddMinutes(17)), Cancellation));
                break;
            case "referral-outcome":
                await WithAsync(async (LanternDbContext db) =>
                {
                    var referral = await db.Referrals.SingleAsync(f => f.ReportId == report.Id, Cancellation);
                    referral.State = ReferralStates.Closed;
                    referral.ClosedAt = referral.CreatedAt.AddDays(3);
                    referral.Outcome = "no-contact";
                    return await db.SaveChangesAsync(Cancellation);
                });
                break;
            case "form":
                await WithAsync((LanternDbContext db) =>
                {
                    db.ReportForms.Add(new ReportForm { ReportId = report.Id, Code = "criminality" });
                    return db.SaveChangesAsync(Cancellation);
                });
                break;
            case "referral":
                await WithAsync(async (LanternDbContext db) =>
                {
                    var organisation = await db.Organisations.Where(o => o.Code == "surya").Select(o => o.Id).SingleAsync(Cancellation);
                    db.Add(Referral(report, organisation, report.ReceivedAt.AddHours(50), acknowledgedAfter: TimeSpan.FromHours(2)));
                    return await db.SaveChangesAsync(Cancellation);
                });
                break;
            case "erasure":
                await WithAsync((ReportEraser eraser) => eraser.EraseAsync([new DueReport(report.Id, report.Reference, "test", report.StatusChangedAt)], "test", Cancellation));
                Assert.False(await WithAsync((LanternDbContext db) => db.Reports.AnyAsync(r => r.Id == report.Id, Cancellation)));
                break;
            default:
                await WithAsync((LanternDbContext db) => db.Reports.Where(r => r.Id == report.Id).ExecuteDeleteAsync(Cancellation));
                break;
        }
    }

    private async Task SummariseAllAsync() => await WithAsync((DaySummariser s) => s.RunUntilDoneAsync(Cancellation));

    private Task<bool> IsRolledUpAsync(DateOnly month) => WithAsync((LanternDbContext db) => db.StatisticsMonths.AnyAsync(m => m.Month == month, Cancellation));

    /// <summary>Moves the day rows of <see cref="_month"/> from one span to another in the four summary tables.</summary>
    private Task<int> MoveDayRowsAsync(SummarySpan from, SummarySpan to) => WithAsync(async (LanternDbContext db) =>
    {
        var end = _month.AddMonths(1);
        return await db.SummaryCube.Where(c => c.Span == from && c.Day >= _month && c.Day < end).ExecuteUpdateAsync(u => u.SetProperty(c => c.Span, to), Cancellation)
            + await db.SummaryForms.Where(c => c.Span == from && c.Day >= _month && c.Day < end).ExecuteUpdateAsync(u => u.SetProperty(c => c.Span, to), Cancellation)
            + await db.SummaryDurations.Where(c => c.Span == from && c.Day >= _month && c.Day < end).ExecuteUpdateAsync(u => u.SetProperty(c => c.Span, to), Cancellation)
            + await db.SummaryReferrals.Where(c => c.Span == from && c.Day >= _month && c.Day < end).ExecuteUpdateAsync(u => u.SetProperty(c => c.Span, to), Cancellation);
    });

    private Task<bool> IsDirtyAsync(DateOnly day) => WithAsync((LanternDbContext db) => db.StatisticsDirtyDays.AnyAsync(d => d.Day == day, Cancellation));

    private Task<ReportFigures> FiguresAsync() => WithAsync((StatisticsQuery q) => q.RunAsync(_windowStart, _windowEnd, Cancellation));

    /// <summary>The period's figures through the summaries, checked against the whole period counted live.</summary>
    private async Task<ReportFigures> AssertSameAsLiveAsync(DateTime from, DateTime to)
    {
        var figures = await WithAsync((StatisticsQuery q) => q.RunAsync(from, to, Cancellation));
        var live = await WithAsync((StatisticsQuery q) => q.RunLiveAsync(from, to, Cancellation));
        Assert.Equal(Describe(live), Describe(figures));
        return figures;
    }

    private static string Describe(ReportFigures f) => string.Join(
        "\n",
        f.Total,
        string.Join(' ', f.ByDay),
        string.Join(' ', f.Cube),
        string.Join(' ', f.Forms),
        f.Acknowledgement,
        f.FirstReply,
        f.Referral,
        f.PartnerAcknowledgement,
        string.Join(' ', f.Referrals));

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Factory.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static DateOnly Day(int index) => _today.AddDays(-26 + index);

    private static string Reference(int index) => $"DAYS-{index:00}";

    /// <summary>
    /// One report a day from 26 days ago, varied on every coded column, acknowledged after each duration of
    /// <see cref="_acknowledgements"/>; every third referred; two more either side of a midnight; three in the month before last (its first, a middle and its last day); one today.
    /// </summary>
    private Task<int> PlantAsync() => Factory.WithDbAsync(async db =>
    {
        if (await db.Reports.AnyAsync(r => r.Reference == Reference(0)))
        {
            return 0;
        }

        var organisations = await db.Organisations.Where(o => o.Code == "payoke" || o.Code == "pag-asa").Select(o => o.Id).ToListAsync();
        string[] channels = [ReportCodes.Channels.Web, ReportCodes.Channels.Phone, ReportCodes.Channels.Api];
        string[] roles = ["victim", "witness", "professional"];
        string?[] regions = ["BE-BRU", "BE-VLG", "BE-WAL", null];
        bool?[] answers = [true, false, null];
        string[][] forms = [["sexual"], ["labour", "begging"], []];
        for (var i = 0; i < _acknowledgements.Length; i++)
        {
            var received = Day(i).ToDateTime(new TimeOnly(10, i), DateTimeKind.Utc);
            var report = Build(Reference(i), received, channels[i % 3], roles[(i / 2) % 3], i % 2 == 0 ? "fr" : "nl", regions[i % 4], answers[i % 3], answers[(i / 3) % 3], forms[i % 3]);
            report.AcknowledgedAt = _acknowledgements[i] is { } minutes ? received.AddMinutes(minutes) : null;
            report.FirstReplyAt = i % 2 == 0 ? received.AddMinutes(_acknowledgements[_acknowledgements.Length - 1 - i] ?? 90) : null;
            db.Reports.Add(report);
            if (i % 3 == 0 || i == 3)
            {
                db.Add(Referral(report, organisations[i % 2], received.AddMinutes(97 * i), acknowledgedAfter: i % 2 == 0 ? TimeSpan.FromMinutes(1439) : TimeSpan.FromHours(25)));
            }
        }

        db.Reports.Add(Build("DAYS-LATE", Day(12).ToDateTime(new TimeOnly(23, 59, 59, 900), DateTimeKind.Utc), channels[0], "victim", "de", "BE-BRU", true, true, ["labour"]));
        db.Reports.Add(Build("DAYS-EARLY", Day(13).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), channels[1], "victim", "de", "BE-BRU", true, true, ["labour"]));
        // The month before last, on its first, a middle and its last day: a whole month to roll up.
        var last = _month.AddMonths(1).AddDays(-1);
        db.Reports.Add(Build("DAYS-M01", _month.ToDateTime(new TimeOnly(0, 0, 1), DateTimeKind.Utc), channels[1], "witness", "nl", "BE-VLG", false, null, ["labour"]));
        var middle = Build("DAYS-M15", _month.AddDays(14).ToDateTime(new TimeOnly(9, 30), DateTimeKind.Utc), channels[0], "victim", "fr", "BE-WAL", true, false, ["sexual", "begging"]);
        db.Reports.Add(middle);
        db.Add(Referral(middle, organisations[0], middle.ReceivedAt.AddHours(3), acknowledgedAfter: TimeSpan.FromMinutes(50)));
        db.Reports.Add(Build("DAYS-MLAST", last.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc), channels[2], "professional", "en", null, null, true, []));
        db.Reports.Add(Build("DAYS-TODAY", DateTime.UtcNow.AddSeconds(-1), channels[2], "witness", "en", null, null, null, ["sexual"]));
        return await db.SaveChangesAsync();
    });

    private static Referral Referral(Report report, int organisation, DateTime sent, TimeSpan acknowledgedAfter) => new()
    {
        Id = Guid.CreateVersion7(),
        ReportId = report.Id,
        OrganisationId = organisation,
        Scope = ReferralScopes.Full,
        State = ReferralStates.Acknowledged,
        CreatedAt = sent,
        DueAt = sent.AddHours(24),
        AcknowledgedAt = sent + acknowledgedAfter,
    };

    private static Report Build(string reference, DateTime received, string channel, string role, string language, string? region, bool? danger, bool? minors, string[] forms) => new()
    {
        Id = Guid.CreateVersion7(),
        Reference = reference,
        ReceivedAt = received,
        Channel = channel,
        Role = role,
        Language = language,
        Country = "BE",
        Region = region,
        ImmediateDanger = danger,
        MinorsInvolved = minors,
        UrgencyReasons = string.Empty,
        Status = ReportStatus.Closed,
        StatusChangedAt = received.AddDays(1),
        ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
        StaffKeyId = "test",
        SealedDataKey = RandomNumberGenerator.GetBytes(KeySealer.SealedSize),
        ReceiptWrappedKey = RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
        Forms = [.. forms.Select(f => new ReportForm { Code = f })],
    };
}

/// <summary>Lantern on SQLite with the summary job's loop off: the tests drive its code.</summary>
public sealed class SqliteSummaryFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Statistics:SummariseInBackground"] = "false" };
}

/// <summary>Lantern on PostgreSQL with the summary job's loop off.</summary>
public sealed class PostgresSummaryFactory : PostgresLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Statistics:SummariseInBackground"] = "false" };
}

public sealed class DaySummaryTestsOnSqlite(SqliteSummaryFactory factory) : DaySummaryTests<SqliteSummaryFactory>(factory);

public sealed class DaySummaryTestsOnPostgres(PostgresSummaryFactory factory) : DaySummaryTests<PostgresSummaryFactory>(factory);
