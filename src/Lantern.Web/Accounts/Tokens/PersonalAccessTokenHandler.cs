using System.Text.Encodings.Web;
using Lantern.Web.Core.Staff;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.Tokens;

/// <summary>
/// <c>Authorization: Bearer lnt_...</c> for the staff API: the token's SHA-256 is looked up; a revoked or expired
/// token, or one of a disabled account, is refused. The identity carries the same claims as a sign-in.
/// A lockout does not stop tokens: it guards interactive sign-in against password guessing, and anyone who knows
/// an e-mail address can cause it, so letting it stop tokens would let anyone switch off an integration.
/// </summary>
public sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LanternDbContext db,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> claims,
    TokenProbeLimiter probes,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = StaffPolicies.TokenScheme;
    public const string Prefix = "lnt_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            probes.Failed(Context);
            return AuthenticateResult.Fail("Not a Lantern token.");
        }

        var hash = StaffAccounts.HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => (Guid?)t.UserId)
            .FirstOrDefaultAsync(Context.RequestAborted);
        var user = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || user.IsDisabled)
        {
            probes.Failed(Context);
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

