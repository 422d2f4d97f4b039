namespace Lantern.Web.Triage.Inbox;

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
