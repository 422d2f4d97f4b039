using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// Signs a staff member in with e-mail, password and authenticator code, all three checked together so the
/// answer never tells which was wrong. Failures count towards lockout; every attempt is audited. Every attempt
/// verifies one password, against a <see cref="DecoyPasswordHash"/> when there is no real one to check (unknown
/// e-mail, disabled, locked or not enrolled account), so the time of the answer does not tell who has an account.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    SecondFactor secondFactor,
    DecoyPasswordHash decoy,
    AuditTrail audit,
    LanternDbContext db,
    TimeProvider clock)
{
    public async Task<SignInFailure> SignInAsync(string? email, string? password, string? code, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var failure = await CheckAsync(user, password ?? string.Empty, code);

        // Identity has saved (or, on a concurrent change of the account, failed to save) everything it meant to; its
        // copy of the account must not ride along with the audit entry: a copy a racing request made stale would fail
        // the entry's save, and turn a refused code into a 500.
        db.ChangeTracker.Clear();
        if (failure != SignInFailure.None)
        {
            await audit.RecordAsync(db, user?.Id.ToString() ?? "anonymous", "sign-in.failed", user?.Id.ToString() ?? string.Empty, Reason(failure));
            return failure;
        }

        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [StaffClaims.SecondFactorNow(clock)]);
        await audit.RecordAsync(db, user!.Id.ToString(), "sign-in.succeeded", user.Id.ToString(), string.Empty);
        return SignInFailure.None;
    }

    private async Task<SignInFailure> CheckAsync(StaffUser? user, string password, string? code)
    {
        var refusal = user is null ? SignInFailure.UnknownAccount
            : user.IsDisabled ? SignInFailure.Disabled
            : await users.IsLockedOutAsync(user) ? SignInFailure.LockedOut
            : !user.TwoFactorEnabled || user.PasswordHash is null ? SignInFailure.NotEnrolled
            : SignInFailure.None;
        if (user is null || refusal != SignInFailure.None)
        {
            // The same work as a real password check, whose result cannot matter.
            decoy.Verify(users.PasswordHasher, password);
            return refusal;
        }

        var passwordCheck = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (passwordCheck.IsLockedOut)
        {
            return SignInFailure.LockedOut;
        }

        if (!passwordCheck.Succeeded)
        {
            return SignInFailure.WrongPassword;
        }

        if (!await secondFactor.VerifyAsync(user, code))
        {
            await users.AccessFailedAsync(user);
            return SignInFailure.WrongCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        return SignInFailure.None;
    }

    private static string Reason(SignInFailure failure) => failure switch
    {
        SignInFailure.UnknownAccount => "unknown-account",
        SignInFailure.NotEnrolled => "not-enrolled",
        SignInFailure.Disabled => "disabled",
        SignInFailure.LockedOut => "locked-out",
        SignInFailure.WrongPassword => "wrong-password",
        SignInFailure.WrongCode => "wrong-code",
        _ => string.Empty,
    };
}
