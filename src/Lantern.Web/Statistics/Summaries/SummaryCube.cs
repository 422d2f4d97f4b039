namespace Lantern.Web.Statistics.Summaries;

/// <summary>One group of a day's GROUP BY over the report's coded columns (<c>statistics_cube</c>).</summary>
public sealed class SummaryCube
{
    public long Id { get; set; }

    /// <summary>The day, or the month's first day for a <see cref="SummarySpan.Month"/> row.</summary>
    public DateOnly Day { get; set; }

    public SummarySpan Span { get; set; }

    public required string Channel { get; set; }

    public required string Role { get; set; }

    public required string Language { get; set; }

    public string? Region { get; set; }

    public bool? Danger { get; set; }

    public bool? Minors { get; set; }

    public long Count { get; set; }
}
