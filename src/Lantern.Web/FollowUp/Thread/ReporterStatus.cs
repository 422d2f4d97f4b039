namespace Lantern.Web.FollowUp.Thread;

/// <summary>The status in the reporter's words: never who works on it, only where it stands.</summary>
public static class ReporterStatus
{
    public const string Received = "received";
    public const string Handling = "handling";
    public const string Referred = "referred";
    public const string Closed = "closed";

    public static string Of(string status) => status switch
    {
        ReportStatus.InTriage or ReportStatus.InProgress => Handling,
        ReportStatus.Referred => Referred,
        ReportStatus.Closed => Closed,
        _ => Received,
    };
}
