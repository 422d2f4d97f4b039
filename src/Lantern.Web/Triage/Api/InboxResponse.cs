using Lantern.Web.Triage.Inbox;

namespace Lantern.Web.Triage.Api;

/// <summary>A page of the inbox on the staff API, and the cursor of the next page (null on the last).</summary>
public sealed record InboxResponse(IReadOnlyList<InboxRow> Items, string? Next);
