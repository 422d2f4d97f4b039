namespace Lantern.Web.Statistics.Figures;

/// <summary>Everything counted for a period, exact: the dashboard shows it, the public pages publish it through the disclosure control.</summary>
public sealed record ReportFigures(
    DateTime From,
    DateTime To,
    long Total,
    IReadOnlyList<(DateOnly Day, long Count)> ByDay,
    IReadOnlyList<CubeRow> Cube,
    IReadOnlyList<FormCount> Forms,
    DurationSummary Acknowledgement,
    DurationSummary FirstReply,
    DurationSummary Referral,
    DurationSummary PartnerAcknowledgement,
    IReadOnlyList<ReferralCount> Referrals)
{
    /// <summary>Reports per form of exploitation (a report pointing to two forms counts for each), largest first.</summary>
    public IReadOnlyList<(string Code, long Count)> ByForm =>
        Forms.GroupBy(f => f.Form, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(f => f.Count)))
            .OrderByDescending(f => f.Item2).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();

    /// <summary>One dimension of the cube, e.g. <c>Fold(r => r.Channel)</c>: each code with its count, largest first.</summary>
    public IReadOnlyList<(string Code, long Count)> Fold(Func<CubeRow, string> dimension) =>
        Cube.GroupBy(dimension, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Item2).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
}
