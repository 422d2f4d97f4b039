namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// A day's durations of one kind (<see cref="Figures.DurationKinds"/>) in one bucket of <see cref="Figures.DurationScale"/>
/// (<c>statistics_durations</c>). <see cref="WithinDeadline"/> is counted for the partner's acknowledgement only, whose
/// deadline is each referral's own <c>DueAt</c>; the other deadlines are options applied when reading.
/// </summary>
public sealed class SummaryDuration
{
    public long Id { get; set; }

    /// <summary>The day, or the month's first day for a <see cref="SummarySpan.Month"/> row.</summary>
    public DateOnly Day { get; set; }

    public SummarySpan Span { get; set; }

    public required string Kind { get; set; }

    public bool Danger { get; set; }

    /// <summary>The bucket's upper edge in minutes.</summary>
    public long Bucket { get; set; }

    public long Count { get; set; }

    public long WithinDeadline { get; set; }
}
