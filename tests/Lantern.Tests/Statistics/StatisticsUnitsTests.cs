using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Publication;
using Lantern.Web.Statistics.Team;

namespace Lantern.Tests.Statistics;

/// <summary>The small pieces of the statistics: periods, buckets, percentiles, CSV.</summary>
public sealed class StatisticsUnitsTests
{
    [Theory]
    [InlineData("2025", 2025, null)]
    [InlineData("2025-q1", 2025, 1)]
    [InlineData("2025-Q4", 2025, 4)]
    public void APeriod_IsAYearOrAQuarter(string code, int year, int? quarter) => Assert.Equal(new PublishedPeriod(year, quarter), PublishedPeriod.Parse(code));

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-q5")]
    [InlineData("2025-q0")]
    [InlineData("1999")]
    [InlineData("2025-01")]
    [InlineData("abcd")]
    public void AnythingElse_IsNoPeriod(string code) => Assert.Null(PublishedPeriod.Parse(code));

    [Fact]
    public void AQuarter_EndsThreeMonthsOn_AndIsPublishedOnlyOnceEnded()
    {
        var q2 = new PublishedPeriod(2025, 2);

        Assert.Equal(new DateOnly(2025, 4, 1), q2.Start);
        Assert.Equal(new DateOnly(2025, 7, 1), q2.End);
        Assert.False(q2.HasEndedBy(new DateOnly(2025, 6, 30)));
        Assert.True(q2.HasEndedBy(new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void Weeks_AreIsoWeeks_AndEmptyOnesAreZero()
    {
        var days = new List<(DateOnly, long)> { (new DateOnly(2026, 1, 1), 3), (new DateOnly(2026, 1, 4), 2), (new DateOnly(2026, 1, 14), 5) };

        var weeks = PeriodBuckets.Fold(days, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 20), Granularity.Week);

        Assert.Equal([("2026-W01", 5L), ("2026-W02", 0L), ("2026-W03", 5L), ("2026-W04", 0L)], weeks);
    }

    [Theory]
    [InlineData(-3, -3)]
    [InlineData(0, 0)]
    [InlineData(37, 37)]
    [InlineData(120, 120)]
    [InlineData(121, 126)]
    [InlineData(126, 126)]
    [InlineData(127, 132)]
    [InlineData(2879, 2880)]
    [InlineData(2880, 2880)]
    [InlineData(2881, 2940)]
    [InlineData(43200, 43200)]
    [InlineData(43201, 44640)]
    public void ADuration_GoesToTheUpperEdgeOfItsBucket(long minutes, long bucket) => Assert.Equal(bucket, DurationScale.Bucket(minutes));

    [Fact]
    public void TheScale_KeepsEveryWholeHourDeadlineExact_AndIsIdempotent()
    {
        // Whether a duration is within a deadline of whole hours (up to 30 days) is the same for the duration and its
        // bucket, so the summaries (buckets) and the live count agree on "within the deadline".
        for (long minutes = -5; minutes <= 31 * 24 * 60; minutes++)
        {
            var bucket = DurationScale.Bucket(minutes);
            Assert.Equal(bucket, DurationScale.Bucket(bucket));
            Assert.True(bucket >= minutes);
            for (long hours = 1; hours <= 30 * 24; hours += hours < 72 ? 1 : 23)
            {
                if ((minutes <= hours * 60) != (bucket <= hours * 60))
                {
                    Assert.Fail($"{minutes} min (bucket {bucket}) against {hours} h");
                }
            }
        }
    }

    [Fact]
    public void Percentiles_AreByNearestRank_AndTheDeadlineIsPerBucket()
    {
        // 10 reports: 6 after 30 minutes, 3 after 2 hours, 1 after 5 hours (in danger, deadline 1 hour).
        List<DurationBucket> buckets =
        [
            new() { Minutes = 30, Count = 6 },
            new() { Minutes = 120, Count = 3 },
            new() { Danger = 1, Minutes = 300, Count = 1 },
        ];

        var summary = DurationSummary.Of(buckets, b => b.Danger == 1 ? 60 : 72 * 60);

        Assert.Equal(10, summary.Measured);
        Assert.Equal(0.5, summary.MedianHours);
        Assert.Equal(2, summary.P90Hours);
        Assert.Equal(9, summary.WithinDeadline);
    }

    [Fact]
    public void Csv_QuotesWhatNeedsIt_AndDisarmsFormulas()
    {
        var table = new FigureTable("t", "T", "Row", [new FigureColumn("reports", "Reports"), new FigureColumn("median", "Median", FigureFormat.Hours)],
        [
            new FigureRow("1", "=HYPERLINK(\"x\")", [12, 1.25]),
            new FigureRow("2", "Centre, \"north\"", [null, null]),
        ]);

        var csv = CsvWriter.Write(table);

        Assert.Equal("code,label,reports,median\r\n1,\"'=HYPERLINK(\"\"x\"\")\",12,1.25\r\n2,\"Centre, \"\"north\"\"\",,\r\n", csv);
    }
}
