namespace Lantern.Web.FollowUp.Sessions;

/// <summary>How a session was opened: a page session (cookie) and an API session (bearer token) are not interchangeable.</summary>
public enum ReporterSessionKind
{
    Page,
    Api,
}
