namespace Lantern.Web.Triage.Inbox;

/// <summary>The status choices of the inbox: two groups and each status of the workflow.</summary>
public static class InboxStatuses
{
    public const string Open = "open";
    public const string All = "all";

    /// <summary>Every status but closed: the work still to do.</summary>
    public static readonly string[] OpenStatuses = [ReportStatus.New, ReportStatus.InTriage, ReportStatus.InProgress, ReportStatus.Referred];

    /// <summary>In the order the filter offers them.</summary>
    public static readonly string[] Choices = [Open, .. OpenStatuses, ReportStatus.Closed, All];
}
