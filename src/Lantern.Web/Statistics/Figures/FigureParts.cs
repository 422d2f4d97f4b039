namespace Lantern.Web.Statistics.Figures;

/// <summary>
/// What is counted for some days, before the deadlines are applied: counted live (<see cref="LiveCount"/>) or read from
/// the day summaries (<see cref="Summaries.SummaryReader"/>). Parts of disjoint days add up (<see cref="Add"/>), which is
/// why durations are kept as buckets rather than percentiles.
/// </summary>
public sealed record FigureParts(
    IReadOnlyList<CubeRow> Cube,
    IReadOnlyList<(DateOnly Day, long Count)> ByDay,
    IReadOnlyList<FormCount> Forms,
    IReadOnlyList<DurationRow> Durations,
    IReadOnlyList<ReferralCount> Referrals)
{
    public static readonly FigureParts Empty = new([], [], [], [], []);

    /// <summary>The parts of disjoint days together, each list grouped again and in a fixed order (so either path reads the same).</summary>
    public static FigureParts Add(IEnumerable<FigureParts> parts)
    {
        var all = parts.ToList();
        return new FigureParts(
            all.SelectMany(p => p.Cube)
                .GroupBy(c => (c.Channel, c.Role, c.Language, c.Region, c.ImmediateDanger, c.MinorsInvolved))
                .Select(g => g.First() with { Count = g.Sum(c => c.Count) })
                .OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Role, StringComparer.Ordinal).ThenBy(c => c.Language, StringComparer.Ordinal)
                .ThenBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.ImmediateDanger).ThenBy(c => c.MinorsInvolved).ToList(),
            all.SelectMany(p => p.ByDay).GroupBy(d => d.Day).Select(g => (g.Key, g.Sum(d => d.Count))).OrderBy(d => d.Key).ToList(),
            all.SelectMany(p => p.Forms).GroupBy(f => (f.Form, f.MinorsInvolved)).Select(g => g.First() with { Count = g.Sum(f => f.Count) })
                .OrderBy(f => f.Form, StringComparer.Ordinal).ThenBy(f => f.MinorsInvolved).ToList(),
            all.SelectMany(p => p.Durations).GroupBy(d => (d.Kind, d.Danger, d.Bucket))
                .Select(g => g.First() with { Count = g.Sum(d => d.Count), WithinDeadline = g.Sum(d => d.WithinDeadline) })
                .OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Danger).ThenBy(d => d.Bucket).ToList(),
            all.SelectMany(p => p.Referrals).GroupBy(r => (r.OrganisationId, r.State, r.Outcome)).Select(g => g.First() with { Count = g.Sum(r => r.Count) })
                .OrderBy(r => r.OrganisationId).ThenBy(r => r.State, StringComparer.Ordinal).ThenBy(r => r.Outcome, StringComparer.Ordinal).ToList());
    }
}
