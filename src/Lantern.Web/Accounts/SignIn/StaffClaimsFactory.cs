using System.Security.Claims;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>Identity's claims (id, name, e-mail, roles, security stamp) plus the organisation.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(StaffClaims.Organisation, organisation.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.Email is { } email && identity.FindFirst(ClaimTypes.Email) is null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        }

        return identity;
    }
}
