namespace Lantern.Web.Triage.Inbox;

/// <summary>Whose reports the inbox shows.</summary>
public enum InboxAssignment
{
    Anyone,
    Me,
    Nobody,
}
