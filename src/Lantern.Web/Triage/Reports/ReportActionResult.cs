namespace Lantern.Web.Triage.Reports;

/// <summary>How an action on a report ended. Expected refusals are results with a catalogue key, not exceptions.</summary>
public enum ReportActionStatus
{
    Done,

    /// <summary>The report (or case) does not exist or is out of the member's scope: 404.</summary>
    NotFound,

    /// <summary>The member may see the report but not act on it: 403.</summary>
    Forbidden,

    /// <summary>The input is wrong (no outcome, empty note, unknown case...): 400 with the message.</summary>
    Invalid,

    /// <summary>The report changed since the page was shown: 409 with the message.</summary>
    Conflict,
}

/// <summary>The result of an action and, when refused, the catalogue key of the message and its arguments.</summary>
public sealed record ReportActionResult(ReportActionStatus Status, string? MessageKey = null, params object[] Arguments)
{
    public static ReportActionResult Ok() => new(ReportActionStatus.Done);

    public static ReportActionResult NotFound() => new(ReportActionStatus.NotFound);

    public static ReportActionResult Forbidden() => new(ReportActionStatus.Forbidden);

    public static ReportActionResult Invalid(string key, params object[] arguments) => new(ReportActionStatus.Invalid, key, arguments);

    public static ReportActionResult Conflict(string key, params object[] arguments) => new(ReportActionStatus.Conflict, key, arguments);
}
