using Lantern.Web.Reporting;

namespace Lantern.Web.Triage.Inbox;

/// <summary>Whose reports the inbox shows.</summary>
public enum InboxAssignment
{
    Anyone,
    Me,
    Nobody,
}

/// <summary>
/// What the inbox shows. <see cref="Status"/> is <c>open</c> (everything but closed, the default), <c>all</c>, or
/// one status code; every other criterion is a code, or null for "any".
/// </summary>
public sealed record InboxFilter
{
    public string Status { get; init; } = InboxStatuses.Open;

    /// <summary>A form of exploitation the report names (reports name one or more).</summary>
    public string? Form { get; init; }

    public string? Region { get; init; }

    public string? Language { get; init; }

    public string? Channel { get; init; }

    public InboxAssignment Assigned { get; init; } = InboxAssignment.Anyone;

    /// <summary>Only reports where the reporter added something the team has not opened yet (follow-up).</summary>
    public bool Unread { get; init; }
}

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

/// <summary>The values of <see cref="InboxAssignment"/> in query strings.</summary>
public static class InboxAssignments
{
    public const string Me = "me";
    public const string Nobody = "none";

    public static string? ToQuery(InboxAssignment assignment) => assignment switch
    {
        InboxAssignment.Me => Me,
        InboxAssignment.Nobody => Nobody,
        _ => null,
    };
}
