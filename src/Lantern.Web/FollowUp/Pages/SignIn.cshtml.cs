using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.FollowUp.Pages;

/// <summary>
/// The reporter comes back with their receipt. Every refusal (not a receipt, unknown, wrong) is the same page with
/// the same words and status after the same derivation; too many attempts from one client answer 429.
/// </summary>
[NoStore]
public sealed class SignInModel(ReceiptSignIn signIn, ReporterSessions sessions) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    /// <summary><c>refused</c>, <c>too-many</c>: what went wrong with the last attempt.</summary>
    public string? Error { get; private set; }

    /// <summary><c>ended</c> (idle session), <c>signed-out</c>: why the reporter is back here.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? notice, CancellationToken cancellationToken)
    {
        if (await sessions.UseAsync(FollowUpCookie.Read(Request), ReporterSessionKind.Page, cancellationToken) is { } access)
        {
            // Still signed in: straight back to the thread (the key copy is not needed here).
            Array.Clear(access.DataKey);
            return Redirect($"/{Lang}/follow-up/thread");
        }

        Notice = notice is "ended" or "signed-out" ? notice : null;
        return Page();
    }

    /// <remarks>The receipt is read from the form, not bound as a handler argument: MVC traces handler arguments in its logs.</remarks>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.ExecuteAsync(HttpContext, Request.Form["receipt"].ToString(), ReporterSessionKind.Page, cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                // A session left open in this browser by an earlier sign-in ends now.
                await sessions.EndAsync(FollowUpCookie.Read(Request), cancellationToken);
                FollowUpCookie.Write(Response, result.SessionId!);
                return Redirect($"/{Lang}/follow-up/thread");
            case SignInOutcome.TooManyAttempts:
                Error = "too-many";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                Error = "refused";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }
}
