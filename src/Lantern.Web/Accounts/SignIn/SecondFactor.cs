using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// Checks a code from the person's authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, one step of
/// clock drift either way) against the key Identity keeps for the account. A code is accepted once: the step
/// it belongs to is remembered, so a code seen over someone's shoulder or replayed from a log is refused.
/// </summary>
public sealed class SecondFactor(UserManager<StaffUser> users, TimeProvider clock)
{
    private static readonly VerificationWindow _drift = new(previous: 1, future: 1);

    public async Task<bool> VerifyAsync(StaffUser user, string? code)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (digits.Length != 6 || string.IsNullOrEmpty(key))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, _drift) || step <= (user.LastCodeStep ?? -1))
        {
            return false;
        }

        user.LastCodeStep = step;
        await users.UpdateAsync(user);
        return true;
    }
}
