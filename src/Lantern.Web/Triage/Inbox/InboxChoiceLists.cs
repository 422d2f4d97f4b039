namespace Lantern.Web.Triage.Inbox;

/// <summary>The values each filter accepts, in the order the page offers them.</summary>
public sealed record InboxChoiceLists(
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Forms,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels);
