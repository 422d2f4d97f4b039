namespace Lantern.Web.Statistics.Summaries;

/// <summary>A day's reports pointing to one form of exploitation, by minors involved (<c>statistics_forms</c>).</summary>
public sealed class SummaryForm
{
    public long Id { get; set; }

    public DateOnly Day { get; set; }

    public required string Code { get; set; }

    public bool? Minors { get; set; }

    public long Count { get; set; }
}
