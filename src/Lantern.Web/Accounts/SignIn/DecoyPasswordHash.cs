using System.Security.Cryptography;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>
/// A password hash of a random password, made once per process by the same hasher (so with the same algorithm and
/// iteration count) as real ones. Sign-in verifies the given password against it whenever there is no real hash to
/// check (unknown e-mail, disabled, locked or not enrolled account): every attempt then costs one full password
/// verification, and a quick answer no longer tells that an e-mail address has no account.
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly StaffUser _nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<StaffUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(_nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        _ = hasher.VerifyHashedPassword(_nobody, hash, password);
    }
}
