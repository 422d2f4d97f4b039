using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// First sign-in through the one-time link <c>users add</c> printed: the person sets a password and enrols an
/// authenticator app. The link works once, until it expires; afterwards sign-in needs both factors.
/// </summary>
public sealed class Enrolment(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    SecondFactor secondFactor,
    AuditTrail audit,
    LanternDbContext db,
    TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    /// <summary>The account the link belongs to, or null when the link is wrong, used or expired (the page answers 404).</summary>
    public async Task<EnrolmentStart?> StartAsync(string token)
    {
        var user = await FindAsync(token);
        if (user is null)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was created.");
        }

        return new EnrolmentStart(user, key, AuthenticatorQr.Svg(AuthenticatorQr.Uri(user.Email ?? user.UserName ?? string.Empty, key)));
    }

    public async Task<EnrolmentProblem> CompleteAsync(StaffUser user, string? password, string? confirmation, string? code, CancellationToken cancellationToken)
    {
        password ??= string.Empty;
        if (password.Length < MinimumPasswordLength)
        {
            return EnrolmentProblem.PasswordTooShort;
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            return EnrolmentProblem.PasswordsDiffer;
        }

        if (!await secondFactor.VerifyAsync(user, code))
        {
            return EnrolmentProblem.WrongCode;
        }

        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, user, password)).Succeeded)
            {
                return EnrolmentProblem.PasswordRefused;
            }
        }

        // A re-enrolment (lost phone) replaces the old password; the account and its entry are saved together.
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.TwoFactorEnabled = true;
        user.EnrolmentTokenHash = null;
        user.EnrolmentExpiresAt = null;
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded)
        {
            // The account changed meanwhile (disabled, or its link completed by someone else): nothing was saved.
            return EnrolmentProblem.WrongCode;
        }

        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(db, user.Id.ToString(), "user.enrolled", user.Id.ToString(), string.Empty);
        await transaction.CommitAsync(CancellationToken.None);

        // The person has just given both factors: no need to ask again.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [StaffClaims.SecondFactorNow(clock)]);
        await audit.RecordAsync(db, user.Id.ToString(), "sign-in.succeeded", user.Id.ToString(), "enrolment");
        return EnrolmentProblem.None;
    }

    public async Task<StaffUser?> FindAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = StaffAccounts.HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.Users.FirstOrDefaultAsync(u => u.EnrolmentTokenHash == hash);
        return user is { IsDisabled: false } && user.EnrolmentExpiresAt > now ? user : null;
    }
}
