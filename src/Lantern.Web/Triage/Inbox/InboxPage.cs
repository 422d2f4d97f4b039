namespace Lantern.Web.Triage.Inbox;

/// <summary>A page of the inbox, and the cursor of the next one (null on the last page).</summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, string? Next);
