using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// Checks a code from the person's authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps, one step of
/// clock drift either way) against the key Identity keeps for the account. A code is accepted once: the step
/// it belongs to is remembered, so a code seen over someone's shoulder or replayed from a log is refused, even
/// when it arrives at the same moment as its owner's.
/// </summary>
public sealed class SecondFactor(UserManager<StaffUser> users, LanternDbContext db, TimeProvider clock)
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

        return await ClaimStepAsync(user, step);
    }

    /// <summary>
    /// Records <paramref name="step"/> as used, in one conditional update: of two requests with the same code, both
    /// past the check above, only one changes the row; the other is refused. The update also gives the account a new
    /// concurrency stamp, so a copy of it read before (by the other request) can no longer be saved through Identity
    /// and write the older step back.
    /// </summary>
    private async Task<bool> ClaimStepAsync(StaffUser user, long step)
    {
        var stamp = Guid.NewGuid().ToString();
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastCodeStep == null || u.LastCodeStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastCodeStep, step).SetProperty(u => u.ConcurrencyStamp, stamp));
        if (claimed == 0)
        {
            return false;
        }

        // This request's copy of the account is what the row now holds, so its later saves (lockout count, enrolment) go through.
        user.LastCodeStep = step;
        user.ConcurrencyStamp = stamp;
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.LastCodeStep).OriginalValue = step;
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = stamp;
        }

        return true;
    }
}
