using System.Security.Claims;

namespace Lantern.Web.Core.Access;

/// <summary>The claims Lantern adds to a staff member's identity, beside Identity's own (id, e-mail, roles).</summary>
public static class StaffClaims
{
    /// <summary>The organisation id, which scopes what a partner caseworker sees.</summary>
    public const string Organisation = "lantern:organisation";

    /// <summary>When the second factor was last given (Unix seconds): sign-in or a later confirmation.</summary>
    public const string SecondFactorAt = "lantern:second-factor-at";

    public static Claim SecondFactorNow(TimeProvider clock) =>
        new(SecondFactorAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
}
