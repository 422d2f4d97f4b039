using Lantern.Web.Audit;
using Lantern.Web.Platform.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>Why a sign-in failed: kept in the audit trail, never told to the person (who sees one message for all).</summary>
public enum SignInFailure
{
    None,
    UnknownAccount,
    NotEnrolled,
    Disabled,
    LockedOut,
    WrongPassword,
    WrongCode,
}

/// <summary>
/// Signs a staff member in with e-mail, password and authenticator code, all three checked together so the
/// answer never tells which was wrong. Failures count towards lockout; every attempt is audited.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    SecondFactor secondFactor,
    AuditTrail audit,
    LanternDbContext db,
    TimeProvider clock)
{
    public async Task<SignInFailure> SignInAsync(string? email, string? password, string? code, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var failure = await CheckAsync(user, password ?? string.Empty, code);
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
        if (user is null)
        {
            return SignInFailure.UnknownAccount;
        }

        if (user.IsDisabled)
        {
            return SignInFailure.Disabled;
        }

        if (await users.IsLockedOutAsync(user))
        {
            return SignInFailure.LockedOut;
        }

        if (!user.TwoFactorEnabled || user.PasswordHash is null)
        {
            return SignInFailure.NotEnrolled;
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
