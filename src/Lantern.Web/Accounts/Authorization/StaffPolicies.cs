using Lantern.Web.Accounts.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts.Authorization;

/// <summary>
/// One policy per named permission (<see cref="Permissions"/>), granted through the roles in the identity.
/// Pages use them with the staff cookie; API endpoints with <see cref="ForApi"/>, which accepts only a
/// personal access token (a cookie on the API would invite cross-site requests).
/// </summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member; every page under a <c>Staff</c> folder requires it.</summary>
    public const string Staff = "staff";

    /// <summary>
    /// Members who read reports in any way: the central team (all reports) or a partner caseworker (those referred
    /// to their organisation). What each actually sees is narrowed by <c>Triage.ReportScope</c>.
    /// </summary>
    public const string ReadAnyReports = "reports.any";

    private static readonly string[] _anyReports = [Permissions.ReadReports, Permissions.ReadReferredReports];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser());
        options.AddPolicy(ForApi(Staff), policy => policy
            .AddAuthenticationSchemes(PersonalAccessTokenHandler.SchemeName)
            .RequireAuthenticatedUser());
        options.AddPolicy(ReadAnyReports, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => GrantsAny(context.User, _anyReports)));
        options.AddPolicy(ForApi(ReadAnyReports), policy => policy
            .AddAuthenticationSchemes(PersonalAccessTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => GrantsAny(context.User, _anyReports)));
        foreach (var permission in Permissions.All)
        {
            options.AddPolicy(permission, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Permissions.Grants(context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value), permission)));
            options.AddPolicy(ForApi(permission), policy => policy
                .AddAuthenticationSchemes(PersonalAccessTokenHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Permissions.Grants(context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value), permission)));
        }
    }

    private static bool GrantsAny(System.Security.Claims.ClaimsPrincipal user, string[] permissions)
    {
        var roles = user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        return permissions.Any(permission => Permissions.Grants(roles, permission));
    }

    /// <summary>The policy name of <paramref name="permission"/> for API endpoints (bearer token).</summary>
    public static string ForApi(string permission) => "api:" + permission;
}
