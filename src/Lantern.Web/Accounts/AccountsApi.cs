namespace Lantern.Web.Accounts;

/// <summary>Who a personal access token belongs to: lets an integration check its token before real calls.</summary>
public static class AccountsApi
{
    public sealed record Me(string Email, IReadOnlyList<string> Roles, int? Organisation, IReadOnlyList<string> Permissions);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/staff/me", (StaffMember member) =>
                TypedResults.Ok(new Me(member.Email, member.Roles, member.OrganisationId, [.. Permissions.All.Where(member.Can)])))
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.Staff))
            .WithTags("Staff")
            .WithSummary("The account a personal access token belongs to, its roles and permissions.")
            .Produces(StatusCodes.Status401Unauthorized);
        return endpoints;
    }
}
