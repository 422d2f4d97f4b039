using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Lantern.Web.Platform.DataProtectionKeys;

/// <summary>
/// Makes the data-protection keys at fixed moments instead of letting Data Protection make one in the middle of a
/// request: with <c>AutoGenerateKeys</c> off, a key is created at start (after the migrations, before anything protects
/// a value) and by <see cref="KeyRingUpkeepJob"/> well before the current one expires. Data Protection's own key creation
/// would write the key ring from whatever request first needed it, on a connection of its own, while that request may
/// hold SQLite's write lock in its transaction: the two would wait for each other until the busy timeout.
/// </summary>
public static class KeyRingUpkeep
{
    /// <summary>A new key is made when the newest one expires within this time (Data Protection's keys live 90 days).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(14);

    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    /// <summary>Creates a key active now when none stays valid beyond <see cref="RenewBefore"/>; answers whether it did.</summary>
    public static bool EnsureCurrentKey(IKeyManager keyManager, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var lasting = keyManager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + RenewBefore);
        if (lasting)
        {
            return false;
        }

        keyManager.CreateNewKey(activationDate: now, expirationDate: now + KeyLifetime);
        return true;
    }
}
