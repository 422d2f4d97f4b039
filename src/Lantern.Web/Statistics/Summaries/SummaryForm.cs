namespace Lantern.Web.Statistics.Summaries;

/// <summary>A day's reports pointing to one form of exploitation, by minors involved (<c>statistics_forms</c>).</summary>
public sealed class SummaryForm
{
    public long Id { get; set; }

    /// <summary>The day, or the month's first day for a <see cref="SummarySpan.Month"/> row.</summary>
    public DateOnly Day { get; set; }

    public SummarySpan Span { get; set; }

    public required string Code { get; set; }

    public bool? Minors { get; set; }

    public long Count { get; set; }
}
