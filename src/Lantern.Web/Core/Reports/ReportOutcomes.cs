namespace Lantern.Web.Core.Reports;

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
