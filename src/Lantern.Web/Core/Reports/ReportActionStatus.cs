namespace Lantern.Web.Core.Reports;

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
