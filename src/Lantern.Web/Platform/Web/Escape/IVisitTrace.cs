namespace Lantern.Web.Platform.Web.Escape;

/// <summary>
/// Something a reporter's visit leaves on the server that outlives the page: a follow-up session, a receipt handed to
/// the receipt page. Escape and the follow-up sign-out end each one (<see cref="VisitEnd"/>), so that whoever takes the
/// browser next cannot use a cookie, or a copy of it, to reopen what the reporter saw.
/// </summary>
public interface IVisitTrace
{
    /// <summary>
    /// Ends on the server what the request's cookies lead to. <see cref="VisitEnd"/> expires the cookies the request
    /// carried; a trace whose cookie lives on another path (and so is not sent to <c>/escape</c>) expires it itself.
    /// </summary>
    Task EndAsync(HttpContext context);
}
