namespace Lantern.Web.Core.Reports;

/// <summary>
/// Which status may follow which. A report moves forward (new → in triage → in progress → referred → closed),
/// may skip steps (a spam report is closed straight from new), and a closed report can only be reopened,
/// back to in progress. Closing needs an outcome from <see cref="ReportOutcomes"/>.
/// </summary>
public static class ReportWorkflow
{
    public static readonly string[] Order = [ReportStatus.New, ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred, ReportStatus.Closed];

    /// <summary>The statuses a report in <paramref name="current"/> may be moved to, in workflow order.</summary>
    public static IReadOnlyList<string> NextOf(string current)
    {
        if (current == ReportStatus.Closed)
        {
            return [ReportStatus.InProgress];
        }

        var position = Array.IndexOf(Order, current);
        return position < 0 ? [] : Order[(position + 1)..];
    }

    public static bool CanMove(string from, string to) => NextOf(from).Contains(to);

    public static bool IsReopening(string from, string to) => from == ReportStatus.Closed && to != ReportStatus.Closed;
}
