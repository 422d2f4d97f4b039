namespace Lantern.Web.Reporting;

/// <summary>The status workflow of a report (the back office moves it along).</summary>
public static class ReportStatus
{
    public const string New = "new";
    public const string InTriage = "in-triage";
    public const string InProgress = "in-progress";
    public const string Referred = "referred";
    public const string Closed = "closed";
}

/// <summary>How a closed report ended (recorded when closing; statistics count them).</summary>
public static class ReportOutcomes
{
    public const string Referred = "referred";
    public const string SupportStarted = "support-started";
    public const string InformationGiven = "information-given";
    public const string NotTrafficking = "not-trafficking";
    public const string NoFurtherAction = "no-further-action";
    public const string Duplicate = "duplicate";
    public const string Unfounded = "unfounded";

    public static readonly string[] All = [Referred, SupportStarted, InformationGiven, NotTrafficking, NoFurtherAction, Duplicate, Unfounded];
}
