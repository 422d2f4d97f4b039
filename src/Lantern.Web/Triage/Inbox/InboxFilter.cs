namespace Lantern.Web.Triage.Inbox;

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
