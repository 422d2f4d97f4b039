using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Core.Access;

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
    /// to their organisation). What each actually sees is narrowed by <c>Lantern.Web.Core.Access.ReportScope</c>.
    /// </summary>
    public const string ReadAnyReports = "reports.any";

    /// <summary>The authentication scheme of personal access tokens (Accounts' <c>PersonalAccessTokenHandler</c> registers it under this name).</summary>
    public const string TokenScheme = "PersonalAccessToken";

    private static readonly string[] _anyReports = [Permissions.ReadReports, Permissions.ReadReferredReports];

    public static void Add(AuthorizationOptions options)
    {
        AddTwins(options, Staff, []);
        AddTwins(options, ReadAnyReports, _anyReports);
        foreach (var permission in Permissions.All)
        {
            AddTwins(options, permission, [permission]);
        }
    }

    /// <summary>
    /// The page policy <paramref name="name"/> (staff cookie) and its API twin (bearer token), both granted to a
    /// signed-in member holding any of <paramref name="permissions"/> (or to every member when there are none).
    /// </summary>
    private static void AddTwins(AuthorizationOptions options, string name, string[] permissions)
    {
        options.AddPolicy(name, policy => Require(policy, IdentityConstants.ApplicationScheme, permissions));
        options.AddPolicy(ForApi(name), policy => Require(policy, TokenScheme, permissions));
    }

    private static void Require(AuthorizationPolicyBuilder policy, string scheme, string[] permissions)
    {
        policy.AddAuthenticationSchemes(scheme).RequireAuthenticatedUser();
        if (permissions.Length > 0)
        {
            policy.RequireAssertion(context => GrantsAny(context.User, permissions));
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
