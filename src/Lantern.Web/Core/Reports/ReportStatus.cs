namespace Lantern.Web.Core.Reports;

/// <summary>The status workflow of a report (the back office moves it along).</summary>
public static class ReportStatus
{
    public const string New = "new";
    public const string InTriage = "in-triage";
    public const string InProgress = "in-progress";
    public const string Referred = "referred";
    public const string Closed = "closed";
}
