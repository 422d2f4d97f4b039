using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>
/// The whole role × page/endpoint matrix: every role opens every staff page and calls every staff endpoint,
/// and gets exactly what <see cref="Permissions"/> grants it (200) or 403. A staff route missing from
/// <see cref="AccessMatrix.Pages"/> or <see cref="AccessMatrix.Endpoints"/> fails the coverage test, so a
/// new page cannot skip the matrix. Out-of-scope records (404 for partners) are tested where the records are.
/// </summary>
public abstract class AccessMatrixTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [MemberData(nameof(AccessMatrix.Roles), MemberType = typeof(AccessMatrix))]
    public async Task EachRole_OpensExactlyThePagesItsPermissionsAllow(string role)
    {
        var (credentials, client) = await StaffSessions.SignInAsAsync(Factory, role, role == StaffRoles.PartnerCaseworker ? "payoke" : null);
        var context = await AccessMatrix.ContextAsync(Factory, credentials);
        var wrong = new List<string>();
        foreach (var page in AccessMatrix.Pages)
        {
            var expected = AccessMatrix.Allows(role, page.Permissions) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            var path = page.Path(context);
            var response = await client.GetAsync(path, Cancellation);
            if (response.Status != expected)
            {
                wrong.Add($"{role} GET {path}: {(int)response.Status}, expected {(int)expected}");
            }
        }

        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.Roles), MemberType = typeof(AccessMatrix))]
    public async Task EachRole_CallsExactlyTheEndpointsItsPermissionsAllow(string role)
    {
        var credentials = await StaffSessions.CreateAsync(Factory, role, role == StaffRoles.PartnerCaseworker ? "payoke" : null);
        var context = await AccessMatrix.ContextAsync(Factory, credentials);
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffSessions.TokenAsync(Factory, credentials));
        using var anonymous = Factory.CreateClient();
        var wrong = new List<string>();
        foreach (var endpoint in AccessMatrix.Endpoints)
        {
            var path = endpoint.Path(context);
            var expected = AccessMatrix.Allows(role, endpoint.Permissions) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            var status = (await api.GetAsync(new Uri(path, UriKind.Relative), Cancellation)).StatusCode;
            if (status != expected)
            {
                wrong.Add($"{role} GET {path}: {(int)status}, expected {(int)expected}");
            }

            var anonymousStatus = (await anonymous.GetAsync(new Uri(path, UriKind.Relative), Cancellation)).StatusCode;
            if (anonymousStatus != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"anonymous GET {path}: {(int)anonymousStatus}, expected 401");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryStaffRoute_IsInTheMatrix()
    {
        var routes = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Where(r => r.StartsWith("/staff", StringComparison.Ordinal) || (r.StartsWith("/api/v1/", StringComparison.Ordinal) && !AccessMatrix.PublicApi.Contains(r)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = AccessMatrix.Pages.Select(p => p.Route)
            .Concat(AccessMatrix.Endpoints.Select(e => e.Route))
            .Concat(AccessMatrix.Unlisted)
            .ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(routes, r => !known.Contains(r));
    }
}

/// <summary>What the matrix needs to fill in route parameters: records that exist and the member's own.</summary>
public sealed record MatrixContext(StaffCredentials Member);

/// <summary>A staff page or endpoint, its route as registered, a path to call, and the permissions of which one opens it (none: any staff member).</summary>
public sealed record MatrixRow(string Route, string[] Permissions, Func<MatrixContext, string>? PathFor = null)
{
    public string Path(MatrixContext context) => PathFor?.Invoke(context) ?? Route;
}

public static class AccessMatrix
{
    public static TheoryData<string> Roles => [.. StaffRoles.All];

    public static readonly MatrixRow[] Pages =
    [
        new("/staff", []),
        new("/staff/tokens", []),
        new("/staff/confirm", []),
        new("/staff/users", [Permissions.ManageUsers]),
        new("/staff/audit", [Permissions.ReadAudit]),
        new("/staff/inbox", [Permissions.ReadReports, Permissions.ReadReferredReports]),
        new("/staff/calls/new", [Permissions.RecordCalls]),
        new("/staff/calls/recorded", [Permissions.RecordCalls]),
        new("/staff/register", [Permissions.RegisterCases]),
        new("/staff/register/recorded", [Permissions.RegisterCases]),
        new("/staff/guidance/{language?}/{code?}", [Permissions.ReadGuidance], _ => "/staff/guidance"),
        new("/staff/guidance/{language?}/{code?}", [Permissions.ReadGuidance], _ => "/staff/guidance/fr/labour"),
        new("/staff/organisations", [Permissions.ManageOrganisations]),
        new("/staff/organisations/{code}", [Permissions.ManageOrganisations], _ => "/staff/organisations/surya"),
        new("/staff/organisations/{code}", [Permissions.ManageOrganisations], _ => "/staff/organisations/new"),
        new("/staff/referrals", [Permissions.ReadReports, Permissions.ReadReferredReports]),
        new("/staff/routing", [Permissions.ManageRouting]),
        new("/staff/languages", [Permissions.ManageContent]),
        new("/staff/content", [Permissions.ManageContent]),
        new("/staff/content/{slug}/{language}", [Permissions.ManageContent], _ => "/staff/content/what-is-trafficking/en"),
        new("/staff/campaigns", [Permissions.ManageContent]),
        new("/staff/resources", [Permissions.ManageContent]),
        new("/staff/campaigns/{id}", [Permissions.ManageContent], _ => "/staff/campaigns/new"),
        new("/staff/statistics", [Permissions.ReadStatistics]),
        new("/staff/routing/rules/{id:int?}", [Permissions.ManageRouting], _ => "/staff/routing/rules"),
        new("/staff/entities/hotspots", [Permissions.ManageEntities]),
    ];

    public static readonly MatrixRow[] Endpoints =
    [
        new("/api/v1/staff/me", []),
        new("/api/v1/reports", [Permissions.ReadReports, Permissions.ReadReferredReports]),
        new("/api/v1/referrals", [Permissions.ReadReports, Permissions.ReadReferredReports]),
        new("/api/v1/entities/hotspots", [Permissions.ManageEntities]),
    ];

    /// <summary>
    /// Staff routes outside this table on purpose: reachable signed out (sign-in, enrolment), POST only, or about
    /// one record, whose role × scope matrix (404 for partners out of scope) is in Triage/ReportAccessMatrixTests.
    /// </summary>
    public static readonly string[] Unlisted =
    [
        "/staff/sign-in", "/staff/enrol/{token}", "/staff/sign-out",
        "/staff/reports/{reference}", "/staff/cases/{reference}", "/api/v1/reports/{reference}",

        // Referrals: POST-only routes and one-referral pages, whose scope (404 to other organisations) is in Referrals/ReferralTests.
        "/staff/reports/{reference}/referrals", "/staff/referrals/{id:guid}",
        "/api/v1/reports/{reference}/referrals", "/api/v1/referrals/{id:guid}/acknowledge",
        // Referral decisions: POST/DELETE only, roles and scope in Referrals/ReferralDecisionTests.
        "/api/v1/reports/{reference}/referral-dismissals", "/api/v1/reports/{reference}/referral-dismissals/{organisation}",
        "/api/v1/referrals/{id:guid}/withdraw",
        // Follow-up: the thread of one report (FollowUp/FollowUpAccessMatrixTests).
        "/staff/reports/{reference}/message", "/api/v1/reports/{reference}/messages",
        // Follow-up files: a message with a file to one report's reporter, POST only (FollowUp/ThreadFilesTests).
        "/api/v1/reports/{reference}/messages/files",
        // Report files: role × scope in Reporting/Files/ReportFilesAccessMatrixTests.
        "/staff/reports/{reference}/files", "/staff/reports/{reference}/files/{id:guid}/{variant?}",
        "/api/v1/reports/{reference}/files", "/api/v1/reports/{reference}/files/{id:guid}", "/api/v1/reports/{reference}/files/{id:guid}/original",
        // Detection: one report's links, network and panel actions; scope in Detection/DetectionLinksTests.
        "/staff/reports/{reference}/links", "/staff/reports/{reference}/network", "/api/v1/reports/{reference}/links",
    ];

    /// <summary>The public API: no staff token involved (GET /api/v1/reports, the staff inbox, is in <see cref="Endpoints"/>).</summary>
    public static readonly string[] PublicApi = ["/api/v1/reports", "/api/v1/challenge", "/api/v1/followup/session", "/api/v1/followup/thread", "/api/v1/followup/messages",
        "/api/v1/followup/files", "/api/v1/followup/files/{id:guid}"];

    public static bool Allows(string role, string[] permissions) => permissions.Length == 0 || permissions.Any(p => Lantern.Web.Core.Access.Permissions.Of(role).Contains(p));

    public static Task<MatrixContext> ContextAsync(LanternFactory factory, StaffCredentials member)
    {
        _ = factory;
        return Task.FromResult(new MatrixContext(member));
    }
}

public sealed class AccessMatrixTestsOnSqlite(SqliteLanternFactory factory) : AccessMatrixTests<SqliteLanternFactory>(factory);

public sealed class AccessMatrixTestsOnPostgres(PostgresLanternFactory factory) : AccessMatrixTests<PostgresLanternFactory>(factory);
