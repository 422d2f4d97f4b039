using Lantern.Web.Platform.Web.Escape;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>Escape and sign-out end the follow-up session the browser's cookie names: its row is deleted, the id opens nothing any more.</summary>
public sealed class FollowUpSessionTrace(ReporterSessions sessions) : IVisitTrace
{
    public Task EndAsync(HttpContext context) => sessions.EndAsync(FollowUpCookie.Read(context.Request), context.RequestAborted);
}
