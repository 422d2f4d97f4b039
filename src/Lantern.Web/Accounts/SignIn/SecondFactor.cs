using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>Checks a code from the person's authenticator app (TOTP, RFC 6238, through Identity's authenticator provider).</summary>
public sealed class SecondFactor(UserManager<StaffUser> users)
{
    public async Task<bool> VerifyAsync(StaffUser user, string? code)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
        {
            return false;
        }

        return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }
}
