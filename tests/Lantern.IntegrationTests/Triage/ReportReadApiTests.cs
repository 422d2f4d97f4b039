using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Triage;

public sealed class ReportReadApiTestsOnSqlite(SqliteLanternFactory factory) : ReportReadApiTests<SqliteLanternFactory>(factory);

public sealed class ReportReadApiTestsOnPostgres(PostgresLanternFactory factory) : ReportReadApiTests<PostgresLanternFactory>(factory);

/// <summary><c>GET /api/v1/reports/{reference}</c> with a personal access token: what each caller gets, and what is audited.</summary>
public abstract class ReportReadApiTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task WithoutAValidToken_TheApiAnswers401()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);

        using var anonymous = await GetAsync(null, report.Reference);
        using var wrong = await GetAsync("lnt_" + new string('x', 40), report.Reference);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain(report.Description, await anonymous.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCentralTeam_GetsTheDecryptedReportWithNotes_AndTheReadIsAudited()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        await (await client.GetAsync("/staff/reports/" + report.Reference, Cancellation)).Form("#note-form").Set("Note", "A note for the API").SubmitAsync(Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, analyst);

        using var response = await GetAsync(token, report.Reference.ToLowerInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var root = json.RootElement;
        Assert.Equal(report.Reference, root.GetProperty("reference").GetString());
        Assert.Equal("new", root.GetProperty("status").GetString());
        Assert.Equal(5, root.GetProperty("urgencyLevel").GetInt32());
        Assert.Equal(report.Description, root.GetProperty("content").GetProperty("description").GetString());
        Assert.Equal(report.ContactAddress, root.GetProperty("content").GetProperty("contact").GetProperty("address").GetString());
        Assert.Equal("A note for the API", root.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Equal(analyst.Email, root.GetProperty("notes")[0].GetProperty("author").GetString());
        Assert.EndsWith("Z", root.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        var reads = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Record == report.Reference && e.Action == "report.read" && e.Actor == analyst.Id.ToString()).Select(e => e.Detail).ToListAsync(Cancellation));
        Assert.Contains(reads, d => d.Contains("via=api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownReference_Answers404AsProblemDetails()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var token = await StaffSessions.TokenAsync(Factory, coordinator);

        using var response = await GetAsync(token, "LT-0000-0000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APartner_Gets404_UntilTheReportIsReferred_ThenNoNotesAndNoContactWhenWithheld()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var partner = await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "child-focus");
        var token = await StaffSessions.TokenAsync(Factory, partner);

        using (var hidden = await GetAsync(token, report.Reference))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.DoesNotContain(report.Description, await hidden.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        }

        // The central team works on it (assigned, grouped in a case): that stays theirs.
        var (_, analyst) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await (await analyst.GetAsync("/staff/reports/" + report.Reference, Cancellation)).Form("#assign-me-form").SubmitAsync(Cancellation);
        await page.Form("#case-create-form").SubmitAsync(Cancellation);
        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "child-focus", ReferralScopes.WithoutContact);
        using var response = await GetAsync(token, report.Reference);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.DoesNotContain(report.ContactAddress, body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(report.Description, root.GetProperty("content").GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("notes").ValueKind);
        Assert.True(root.GetProperty("contactWithheld").GetBoolean());
        Assert.Equal(ReferralScopes.WithoutContact, root.GetProperty("referralScope").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("assignedTo").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("case").ValueKind);
    }

    [Fact]
    public async Task ARoleWithoutReportAccess_IsForbiddenTheApi()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var operatorAccount = await StaffSessions.CreateAsync(Factory, StaffRoles.Operator);

        using var response = await GetAsync(await StaffSessions.TokenAsync(Factory, operatorAccount), report.Reference);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheEndpoint()
    {
        using var client = Factory.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation);

        using var json = JsonDocument.Parse(document);
        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/v1/reports/{reference}").GetProperty("get");
        Assert.Equal("GetReport", operation.GetProperty("operationId").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
    }

    private async Task<HttpResponseMessage> GetAsync(string? token, string reference)
    {
        using var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync(new Uri("/api/v1/reports/" + reference, UriKind.Relative), Cancellation);
    }
}
