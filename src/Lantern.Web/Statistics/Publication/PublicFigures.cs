using Lantern.Web.Statistics.Disclosure;
using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// The public figures of a period: counted by <see cref="StatisticsQuery"/>, then every table through
/// <see cref="DisclosureControl"/> with the configured threshold, once: the release is frozen when first published
/// (<see cref="FrozenReleases"/>) and served as it was ever after. Regions are only those of the postcode ranges (the
/// contact point's regions, never finer than a province); any other code is published as <c>other</c>.
/// </summary>
public sealed class PublicFigures(StatisticsQuery query, FrozenReleases frozen, LanternDbContext db, TimeProvider clock, IOptions<StatisticsOptions> options)
{
    private static readonly bool?[] _answers = [true, false, null];

    public int Threshold => options.Value.Threshold;

    /// <summary>
    /// The years with reports that are due, newest first, each with its due quarters: a period is due
    /// <see cref="StatisticsOptions.ReleaseAfterDays"/> days after it ended, so the reports of its last days have been
    /// triaged before its figures are frozen.
    /// </summary>
    public async Task<IReadOnlyList<PublishedPeriod>> PeriodsAsync(CancellationToken cancellationToken)
    {
        var first = await db.Reports.AsNoTracking().MinAsync(r => (DateTime?)r.ReceivedAt, cancellationToken);
        var today = Today.AddDays(-options.Value.ReleaseAfterDays);
        if (first is null)
        {
            return [];
        }

        var periods = new List<PublishedPeriod>();
        for (var year = today.Year; year >= first.Value.Year; year--)
        {
            var whole = new PublishedPeriod(year, null);
            if (whole.HasEndedBy(today))
            {
                periods.Add(whole);
            }

            periods.AddRange(whole.Quarters.Where(q => q.HasEndedBy(today) && q.End > DateOnly.FromDateTime(first.Value)).Reverse());
        }

        return periods;
    }

    /// <summary>Whether <paramref name="period"/> is published: it is due and is not before the first report's year.</summary>
    public async Task<bool> IsPublishedAsync(PublishedPeriod period, CancellationToken cancellationToken) =>
        (await PeriodsAsync(cancellationToken)).Contains(period);

    public async Task<PublicRelease?> ReleaseAsync(PublishedPeriod period, CancellationToken cancellationToken)
    {
        if (!await IsPublishedAsync(period, cancellationToken))
        {
            return null;
        }

        return await frozen.GetOrFreezeAsync(period, () => ComputeAsync(period, cancellationToken), cancellationToken);
    }

    private async Task<PublicRelease> ComputeAsync(PublishedPeriod period, CancellationToken cancellationToken)
    {
        var figures = await query.RunAsync(
            period.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), period.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);
        var regions = (await db.PostcodeRanges.AsNoTracking().Select(p => p.Region).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var threshold = Threshold;
        PublicTable One(PublicTableDefinition definition, IReadOnlyList<(string Code, long Count)> rows) =>
            new(definition, DisclosureControl.Publish(CountTable.OneDimension(rows), threshold));

        var months = PeriodBuckets.Fold(figures.ByDay, period.Start, period.End, Granularity.Month);
        var tables = new List<PublicTable>
        {
            One(PublicTableDefinition.Total, [("reports", figures.Total)]),
            One(PublicTableDefinition.ByMonth, months),
            One(PublicTableDefinition.ByForm, figures.ByForm),
            One(PublicTableDefinition.ByRegion, figures.Fold(r => r.Region is null ? "unknown" : regions.Contains(r.Region) ? r.Region : "other")),
            One(PublicTableDefinition.ByChannel, figures.Fold(r => r.Channel)),
            One(PublicTableDefinition.ByRole, figures.Fold(r => r.Role)),
            One(PublicTableDefinition.ByLanguage, figures.Fold(r => r.Language)),
            new(PublicTableDefinition.DangerByMinors, DisclosureControl.Publish(
                Cross(_answers.Select(d => (Code(d), (Func<bool?, long>)(m => figures.Cube.Where(c => c.ImmediateDanger == d && c.MinorsInvolved == m).Sum(c => c.Count)))).ToList()), threshold)),
            new(PublicTableDefinition.EurostatFormByAge, DisclosureControl.Publish(
                Cross(EurostatCategories.All.Select(category => (category, (Func<bool?, long>)(m =>
                    figures.Forms.Where(f => EurostatCategories.Of(f.Form) == category && f.MinorsInvolved == m).Sum(f => f.Count)))).ToList()), threshold)),
        };
        return new PublicRelease(period, threshold, tables);
    }

    /// <summary>The code of a yes/no/unknown answer in the open data.</summary>
    public static string Code(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };

    /// <summary>Rows by the given codes × columns yes/no/unknown (minors involved).</summary>
    private static CountTable Cross(IReadOnlyList<(string Code, Func<bool?, long> Count)> rows)
    {
        var counts = new long[rows.Count, _answers.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < _answers.Length; j++)
            {
                counts[i, j] = rows[i].Count(_answers[j]);
            }
        }

        return new CountTable(rows.Select(r => r.Code).ToList(), _answers.Select(Code).ToList(), counts);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
