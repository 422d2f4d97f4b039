using System.Security.Cryptography;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Lantern.Web.Accounts.Authenticator;

/// <summary>
/// Identity's user store, with the values of <c>AspNetUserTokens</c> (the authenticator key that the six-digit
/// codes derive from, and recovery codes) encrypted by ASP.NET Core Data Protection, whose keys live in the
/// data directory's <c>keys/</c>, never in the database. A copy of the database then holds no second factor.
/// A value written before this existed (no prefix) is still read, and <see cref="ProtectStoredTokens"/> encrypts
/// such values at start-up.
/// </summary>
public sealed class ProtectedTokenUserStore(LanternDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole<Guid>, LanternDbContext, Guid>(context, describer)
{
    /// <summary>Marks a protected value (and its format version).</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = Protector(protection);

    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Lantern.Accounts.UserTokens.v1");

    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Prefix + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException)
        {
            // The Data Protection keys were lost or replaced: the code is refused like a wrong one (never a 500),
            // and an administrator gives the person a new enrolment (`users reset`, or /staff/users).
            return null;
        }
    }
}
