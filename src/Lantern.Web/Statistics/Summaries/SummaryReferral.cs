namespace Lantern.Web.Statistics.Summaries;

/// <summary>Referrals of a day's reports for one organisation in one state and outcome (<c>statistics_referrals</c>).</summary>
public sealed class SummaryReferral
{
    public long Id { get; set; }

    /// <summary>The day, or the month's first day for a <see cref="SummarySpan.Month"/> row.</summary>
    public DateOnly Day { get; set; }

    public SummarySpan Span { get; set; }

    public int OrganisationId { get; set; }

    public required string State { get; set; }

    public string? Outcome { get; set; }

    public long Count { get; set; }
}
