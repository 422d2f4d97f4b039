using Lantern.Web.Platform.Web.Escape;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>Escape and sign-out end the follow-up session the browser's cookie names: its key is zeroed, the id opens nothing any more.</summary>
public sealed class FollowUpSessionTrace(ReporterSessions sessions) : IVisitTrace
{
    public void End(HttpContext context) => sessions.End(FollowUpCookie.Read(context.Request));
}
