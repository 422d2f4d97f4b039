using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Reporting.Files;

public sealed class ReportFilesAccessMatrixTestsOnSqlite(SqliteLanternFactory factory) : ReportFilesAccessMatrixTests<SqliteLanternFactory>(factory);

public sealed class ReportFilesAccessMatrixTestsOnPostgres(PostgresLanternFactory factory) : ReportFilesAccessMatrixTests<PostgresLanternFactory>(factory);

/// <summary>
/// Every role against every file route (pages and API) of a report not referred to anyone, holding one photo:
/// what it may list and view, whether it may download the original, whether it may attach.
/// </summary>
public abstract class ReportFilesAccessMatrixTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData(StaffRoles.Administrator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Coordinator, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData(StaffRoles.Analyst, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData(StaffRoles.Operator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.PartnerCaseworker, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData(StaffRoles.Professional, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Editor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(StaffRoles.Auditor, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    public async Task EachRole_GetsWhatItsPermissionsAndScopeAllow(string role, HttpStatusCode view, HttpStatusCode original, HttpStatusCode attach)
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var owner = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        using var created = await SendAsync(owner, report.Reference);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetString();
        var credentials = await StaffSessions.CreateAsync(Factory, role, role == StaffRoles.PartnerCaseworker ? "pag-asa" : null);
        var client = await StaffSessions.SignInAsync(Factory, credentials);
        var token = await StaffSessions.TokenAsync(Factory, credentials);
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var files = $"/reports/{report.Reference}/files";

        Assert.Equal(view, (await api.GetAsync(new Uri("/api/v1" + files, UriKind.Relative), Cancellation)).StatusCode);
        Assert.Equal(view, (await api.GetAsync(new Uri($"/api/v1{files}/{id}", UriKind.Relative), Cancellation)).StatusCode);
        Assert.Equal(original, (await api.GetAsync(new Uri($"/api/v1{files}/{id}/original", UriKind.Relative), Cancellation)).StatusCode);
        Assert.Equal(view, (await client.Client.GetAsync(new Uri($"/staff{files}/{id}", UriKind.Relative), Cancellation)).StatusCode);
        Assert.Equal(original, (await client.Client.GetAsync(new Uri($"/staff{files}/{id}/original", UriKind.Relative), Cancellation)).StatusCode);
        using var attached = await SendAsync(token, report.Reference);
        Assert.Equal(attach, attached.StatusCode);
        if (view == HttpStatusCode.OK)
        {
            var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
            Assert.NotNull(page.Document.QuerySelector("#files img"));
            Assert.NotNull(page.Document.QuerySelector("#file-form"));
            Assert.Equal(original == HttpStatusCode.OK, page.Document.QuerySelector($"#files a[href$='{id}/original']") is not null);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string reference)
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestFiles.JpegWithExif("Make", "Model")), "file", "photo.jpg");
        return await client.PostAsync(new Uri($"/api/v1/reports/{reference}/files", UriKind.Relative), form, Cancellation);
    }
}
