using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Statistics.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Statistics;

public sealed class FrozenReleaseTestsOnSqlite(SqliteClockFactory factory) : FrozenReleaseTests<SqliteClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

public sealed class FrozenReleaseTestsOnPostgres(PostgresClockFactory factory) : FrozenReleaseTests<PostgresClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

/// <summary>
/// A public release is published once, <c>Lantern:Statistics:ReleaseAfterDays</c> (14) after its period ended, and never
/// changes afterwards (issue 14: no suppressed cell recomputed "from the difference between two releases"): not when
/// reports of the period are added, erased or re-coded later. Read through <see cref="PublicFigures"/> itself, under the
/// pages' output cache, so that no cache can make the test pass.
/// </summary>
public abstract class FrozenReleaseTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    protected abstract TestClock Clock { get; }

    [Fact]
    public async Task AQuarter_IsPublishedTwoWeeksAfterItsEnd_AndNeverChangesAfterwards()
    {
        // The quarter in progress on the real clock; its reports are planted now and the clock is moved past its end.
        var now = DateTime.UtcNow;
        var quarter = new PublishedPeriod(now.Year, (now.Month - 1) / 3 + 1);
        var start = quarter.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var planted = await PlantAsync(start, 23);

        Clock.Advance(quarter.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(13) - now);
        Assert.Null(await ReleaseAsync(quarter));

        Clock.Advance(TimeSpan.FromDays(1));
        var first = await ReleaseAsync(quarter);
        Assert.NotNull(first);
        Assert.Equal(20, Total(first));

        // Seven more reports of the quarter (30 in all), and three of the first ones erased: a live count would now
        // publish 30, then 20 again with other cells; the release stays as it was first published.
        await PlantAsync(start.AddDays(1), 7);
        await Factory.WithDbAsync(async (LanternDbContext db) =>
            await db.Reports.Where(r => planted.Take(3).Contains(r.Id)).ExecuteDeleteAsync());
        Clock.Advance(TimeSpan.FromDays(30));
        var later = await ReleaseAsync(quarter);

        Assert.NotNull(later);
        Assert.Equal(20, Total(later));
        foreach (var table in first.Tables)
        {
            var again = later.Table(table.Definition).Figures;
            Assert.Equal(table.Figures.Rows, again.Rows);
            Assert.Equal(table.Figures.Columns, again.Columns);
            Assert.Equal(table.Figures.Cells, again.Cells);
            Assert.Equal(table.Figures.GrandTotal, again.GrandTotal);
        }
    }

    private async Task<PublicRelease?> ReleaseAsync(PublishedPeriod period)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublicFigures>().ReleaseAsync(period, Cancellation);
    }

    private static long Total(PublicRelease release) => release.Table(PublicTableDefinition.Total).Figures.GrandTotal;

    private async Task<List<Guid>> PlantAsync(DateTime from, int count) =>
        await Factory.WithDbAsync(async (LanternDbContext db) =>
        {
            var reports = Enumerable.Range(0, count)
                .Select(i => StatisticsSeed.Build(from.AddHours(i), ReportCodes.Channels.Web, "witness", "nl", "BE-VAN", danger: false, minors: false, "labour"))
                .ToList();
            db.Reports.AddRange(reports);
            await db.SaveChangesAsync();
            return reports.Select(r => r.Id).ToList();
        });
}
