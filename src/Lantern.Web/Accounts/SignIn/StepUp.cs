using System.Security.Claims;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// Sensitive actions (user management, tokens, exports, key operations) need a second factor given in the last
/// few minutes: at sign-in or on the confirmation page (<c>/staff/confirm</c>).
/// </summary>
public sealed class StepUp(IOptions<AccountsOptions> options, TimeProvider clock)
{
    public bool IsRecent(ClaimsPrincipal user)
    {
        var value = user.FindFirst(StaffClaims.SecondFactorAt)?.Value;
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age >= TimeSpan.Zero && age <= TimeSpan.FromMinutes(options.Value.StepUpMinutes);
    }

    /// <summary>The confirmation page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string ConfirmPath(string returnUrl) => "/staff/confirm?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
