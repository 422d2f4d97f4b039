namespace Lantern.Web.Statistics.Summaries;

/// <summary>
/// What a summary row covers. A <see cref="Month"/> row (its <c>Day</c> the month's first) is the month's day rows
/// added up, written by <see cref="MonthRollup"/> once every day of the month is summarised and clean: a year is then read
/// as twelve months' rows instead of 365 days' rows.
/// </summary>
public enum SummarySpan
{
    Day = 0,
    Month = 1,
}
