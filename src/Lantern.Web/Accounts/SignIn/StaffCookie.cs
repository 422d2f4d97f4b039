using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// The staff session: a session cookie (no expiry date, so it dies with the browser), renewed on every
/// request and ending after <see cref="AccountsOptions.IdleTimeoutMinutes"/> without one. Strict same-site,
/// HTTP only, secure whenever the request is.
/// </summary>
public static class StaffCookie
{
    public const string Name = "lantern.staff";

    public static void Configure(CookieAuthenticationOptions cookie, AccountsOptions accounts)
    {
        cookie.Cookie.Name = Name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/staff/sign-in";
        cookie.LogoutPath = "/staff/sign-out";
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events.OnCheckSlidingExpiration = context =>
        {
            // Renew on every request (the default waits for half the lifetime), so "idle" means idle.
            context.ShouldRenew = true;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            // A forbidden page is a 403 page, not a redirect to a page that would hide the status.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>Where to go after signing in or confirming: <paramref name="returnUrl"/> when it is a back-office path, else the start page.</summary>
    public static string ReturnPath(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith("/staff", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/staff";

    /// <summary>The periodic re-validation rebuilds the identity; the time of the second factor must survive it.</summary>
    public static Task KeepSecondFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var claim = context.CurrentPrincipal?.FindFirst(StaffClaims.SecondFactorAt);
        if (claim is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
        {
            identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value, claim.ValueType));
        }

        return Task.CompletedTask;
    }
}
