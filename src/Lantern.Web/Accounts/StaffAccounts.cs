using System.Security.Cryptography;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Lantern.Web.Accounts;

/// <summary>Creating, listing and disabling staff accounts, and issuing personal access tokens; every change audited.</summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    LanternDbContext db,
    AuditTrail audit,
    TimeProvider clock)
{
    public static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromDays(7);

    public async Task<AccountResult<CreatedAccount>> AddAsync(string email, string role, string? organisationCode, string actor, CancellationToken cancellationToken)
    {
        var roleName = StaffRoles.Find(role);
        if (roleName is null)
        {
            return AccountResult.Fail<CreatedAccount>($"Unknown role '{role}'. Roles: {string.Join(", ", StaffRoles.All)}.");
        }

        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(organisationCode))
        {
            // Pages show "Payoke", the code is "payoke": any case is the same organisation. There are a few dozen at most.
            var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
            organisationId = organisations.FirstOrDefault(o => string.Equals(o.Code, organisationCode.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
            if (organisationId is null)
            {
                return AccountResult.Fail<CreatedAccount>($"Unknown organisation '{organisationCode}'. Organisations: {string.Join(", ", organisations.Select(o => o.Code))}.");
            }
        }
        else if (roleName == StaffRoles.PartnerCaseworker)
        {
            return AccountResult.Fail<CreatedAccount>("A partner caseworker must belong to an organisation (--organisation).");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Fail<CreatedAccount>($"An account with the e-mail address {email} exists already.");
        }

        // The account, its role and its audit entry are saved in one transaction (AuditTrail.BeginTransactionAsync).
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        await EnsureRoleAsync(roleName);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            OrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            EnrolmentTokenHash = HashToken(token),
            EnrolmentExpiresAt = (clock.GetUtcNow() + EnrolmentLifetime).UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return AccountResult.Fail<CreatedAccount>(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, roleName);
        await audit.RecordAsync(db, actor, "user.created", user.Id.ToString(), $"role={roleName}");
        await transaction.CommitAsync(CancellationToken.None);
        return AccountResult.Ok(new CreatedAccount(user, token));
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var result = new List<AccountSummary>(all.Count);
        foreach (var user in all)
        {
            result.Add(new AccountSummary(
                user.Email ?? string.Empty,
                [.. await users.GetRolesAsync(user)],
                user.OrganisationId is { } id ? organisations.GetValueOrDefault(id) : null,
                Enrolled: user.EnrolmentTokenHash is null && user.TwoFactorEnabled,
                Disabled: user.IsDisabled));
        }

        return result;
    }

    public async Task<AccountResult<StaffUser>> DisableAsync(string email, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return AccountResult.Fail<StaffUser>($"No account has the e-mail address {email}.");
        }

        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        user.IsDisabled = true;
        user.EnrolmentTokenHash = null;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AccountResult.Fail<StaffUser>(Describe(updated));
        }

        var cutOff = await CutOffAsync(user, cancellationToken);
        if (cutOff.Error is not null)
        {
            return AccountResult.Fail<StaffUser>(cutOff.Error);
        }

        await audit.RecordAsync(db, actor, "user.disabled", user.Id.ToString(), RevokedDetail(cutOff.Value));
        await transaction.CommitAsync(CancellationToken.None);
        return AccountResult.Ok(user);
    }

    /// <summary>Creates a personal access token and returns it; only its hash is kept.</summary>
    public async Task<AccountResult<string>> CreateTokenAsync(string email, string name, int? expiresInDays, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            return AccountResult.Fail<string>($"No active account has the e-mail address {email}.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return AccountResult.Fail<string>("Give the token a name of at most 100 characters (--name).");
        }

        if (expiresInDays is < 1 or > 366)
        {
            return AccountResult.Fail<string>("--expires-days must be between 1 and 366.");
        }

        var token = "lnt_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Name = name.Trim(),
            TokenHash = HashToken(token),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.PersonalAccessTokens.Add(entity);
        await audit.RecordAsync(db, actor, "token.created", user.Id.ToString(), $"token={entity.Id}");
        return AccountResult.Ok(token);
    }

    /// <summary>
    /// A new enrolment link for an account whose person lost their phone or password: the old password and
    /// authenticator key stop working at once, open sessions end, and the person enrols again.
    /// </summary>
    /// <remarks>
    /// Its personal access tokens are revoked too: they may sit on the lost phone or in the hands of whoever made the
    /// reset necessary. Whoever needs one afterwards makes a new one.
    /// </remarks>
    public async Task<AccountResult<EnrolmentReset>> ResetEnrolmentAsync(string email, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled)
        {
            return AccountResult.Fail<EnrolmentReset>($"No active account has the e-mail address {email}.");
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        user.EnrolmentTokenHash = HashToken(token);
        user.EnrolmentExpiresAt = (clock.GetUtcNow() + EnrolmentLifetime).UtcDateTime;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;

        // Saves the fields above together with a new authenticator key.
        var reset = await users.ResetAuthenticatorKeyAsync(user);
        if (!reset.Succeeded)
        {
            return AccountResult.Fail<EnrolmentReset>(Describe(reset));
        }

        var cutOff = await CutOffAsync(user, cancellationToken);
        if (cutOff.Error is not null)
        {
            return AccountResult.Fail<EnrolmentReset>(cutOff.Error);
        }

        await audit.RecordAsync(db, actor, "user.enrolment-reset", user.Id.ToString(), RevokedDetail(cutOff.Value));
        await transaction.CommitAsync(CancellationToken.None);
        return AccountResult.Ok(new EnrolmentReset(token, cutOff.Value));
    }

    /// <summary>
    /// Ends every open session of the account (a new security stamp: each session checks it at least once a minute)
    /// and revokes all its personal access tokens; returns how many tokens were revoked.
    /// </summary>
    private async Task<AccountResult<int>> CutOffAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            return AccountResult.Fail<int>(Describe(stamped));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return AccountResult.Ok(revoked);
    }

    private static string RevokedDetail(int tokens) => string.Create(CultureInfo.InvariantCulture, $"tokens-revoked={tokens}");

    /// <summary>Identity's refusal (e.g. a concurrent change of the same account) as a message for the operator.</summary>
    private static string Describe(IdentityResult result) =>
        "The account was changed by someone else at the same moment: try again. " + string.Join(" ", result.Errors.Select(e => e.Description));

    /// <summary>The tokens of one account (or of all accounts when <paramref name="userId"/> is null), newest first.</summary>
    public async Task<IReadOnlyList<TokenSummary>> ListTokensAsync(Guid? userId, CancellationToken cancellationToken) =>
        await (from t in db.PersonalAccessTokens.AsNoTracking()
               join u in db.Users.AsNoTracking() on t.UserId equals u.Id
               where userId == null || t.UserId == userId
               orderby t.CreatedAt descending
               select new TokenSummary(t.Id, u.Email ?? string.Empty, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes a token of <paramref name="ownerId"/> (any account's when null, for administrators).</summary>
    public async Task<bool> RevokeTokenAsync(Guid tokenId, Guid? ownerId, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var revoked = await db.PersonalAccessTokens
            .Where(t => t.Id == tokenId && t.RevokedAt == null && (ownerId == null || t.UserId == ownerId))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        await audit.RecordAsync(db, actor, "token.revoked", tokenId.ToString(), string.Empty);
        await transaction.CommitAsync(CancellationToken.None);
        return true;
    }

    /// <summary>SHA-256 of a one-time secret (enrolment token, personal access token): all the database ever holds.</summary>
    public static byte[] HashToken(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        }
    }
}
