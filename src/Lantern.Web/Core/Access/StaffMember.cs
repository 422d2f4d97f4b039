using System.Security.Claims;

namespace Lantern.Web.Core.Access;

/// <summary>The signed-in staff member as the pages and endpoints see them.</summary>
public sealed record StaffMember(Guid Id, string Email, IReadOnlyList<string> Roles, int? OrganisationId)
{
    public bool Can(string permission) => Permissions.Grants(Roles, permission);

    /// <summary>The audit actor: the account id, never the e-mail address (which may change).</summary>
    public string Actor => Id.ToString();

    public static StaffMember? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var organisation = principal.FindFirstValue(StaffClaims.Organisation);
        return new StaffMember(
            id,
            principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty,
            [.. principal.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            int.TryParse(organisation, CultureInfo.InvariantCulture, out var org) ? org : null);
    }

    /// <summary>The member of a request that passed a staff policy (which guarantees an authenticated staff identity).</summary>
    public static StaffMember Of(HttpContext context) =>
        From(context.User) ?? throw new InvalidOperationException("A staff page or endpoint was reached without a staff identity.");

    /// <summary>Binds the member as an endpoint parameter, so a staff endpoint's handler simply takes a <see cref="StaffMember"/>.</summary>
    public static ValueTask<StaffMember?> BindAsync(HttpContext context) => ValueTask.FromResult<StaffMember?>(Of(context));
}
