using Microsoft.AspNetCore.DataProtection;

namespace Lantern.Web.Accounts.Authenticator;

/// <summary>
/// At start-up, encrypts the user token values (authenticator keys) that a version before
/// <see cref="ProtectedTokenUserStore"/> stored in the clear. Nothing to do on a database without them.
/// </summary>
internal sealed class ProtectStoredTokens(IDataProtectionProvider protection) : ISeeder
{
    public async Task SeedAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var clear = await db.UserTokens.Where(t => t.Value != null && !t.Value.StartsWith(ProtectedTokenUserStore.Prefix)).ToListAsync(cancellationToken);
        if (clear.Count == 0)
        {
            return;
        }

        var protector = ProtectedTokenUserStore.Protector(protection);
        foreach (var token in clear)
        {
            token.Value = ProtectedTokenUserStore.Prefix + protector.Protect(token.Value!);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
