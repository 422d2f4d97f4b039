using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Statistics;

/// <summary>
/// The statistics against a hand count of <see cref="StatisticsSeed"/>: the team's dashboard (exact), its CSV (audited),
/// the public pages (protected by the disclosure rule) and the open data files (parsed and checked against their schema).
/// </summary>
public abstract class StatisticsTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const string Year = "from=2024-01-01&to=2024-12-31";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await StatisticsSeed.PlantAsync(Factory);
    }

    [Fact]
    public async Task TheDashboard_CountsTheYearLikeTheHandCount()
    {
        var (_, coordinator) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await coordinator.GetAsync($"/staff/statistics?{Year}&by=month", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["25", "12", "3"], Column(page, "reports-by-channel", 1));
        Assert.Equal(["Website", "Phone line", "Partner system (API)"], RowLabels(page, "reports-by-channel"));
        Assert.Equal(["25", "15", "3"], Column(page, "reports-by-form", 1));
        Assert.Equal("Sexual exploitation", RowLabels(page, "reports-by-form")[0][..19]);
        Assert.Equal(["25", "12", "3"], Column(page, "reports-by-region", 1));
        var months = Column(page, "reports-by-period", 1);
        Assert.Equal(12, months.Count);
        Assert.Equal(["0", "0", "25", "0", "12", "0", "0", "3", "0", "0", "0", "0"], months);
        // Danger (yes, no, unknown) × minors (yes, no, unknown).
        Assert.Equal(["12", "0", "0"], Row(page, "danger-and-minors", 0));
        Assert.Equal(["0", "25", "0"], Row(page, "danger-and-minors", 1));
        Assert.Equal(["0", "0", "3"], Row(page, "danger-and-minors", 2));
        // Acknowledgement: 12 after 90 min (deadline 1 h: late), 25 after 2 h (deadline 72 h) → median and p90 2 h, 25 of 37 in time.
        var acknowledgement = Row(page, "response-times", 0);
        Assert.Equal("37", acknowledgement[0]);
        Assert.Equal("2.0", acknowledgement[1]);
        Assert.Equal("2.0", acknowledgement[2]);
        Assert.Equal("68%", acknowledgement[4]);
        Assert.Equal(["25", "24.0", "24.0", "168.0", "100%"], Row(page, "response-times", 1));
        // Referral: 5 after 3 h, against Lantern:Statistics:ReferWithinHours (72).
        Assert.Equal(["5", "3.0", "3.0", "72.0", "100%"], Row(page, "response-times", 2));
        Assert.Equal("100%", Row(page, "response-times", 3)[4]);
        var referrals = page.Document.QuerySelector("#table-referrals-by-organisation tbody tr")!;
        Assert.Contains("Payoke", referrals.TextContent, StringComparison.Ordinal);
        Assert.Equal(["5", "3", "2"], Row(page, "referrals-by-organisation", 0));
        Assert.Equal(["2"], Row(page, "referrals-by-outcome", 0));
        Assert.NotNull(page.Document.QuerySelector("svg.chart"));
    }

    [Fact]
    public async Task Weeks_AreCountedToo()
    {
        var (_, auditor) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Auditor);

        var page = await auditor.GetAsync("/staff/statistics?from=2024-05-01&to=2024-05-31&by=week", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["2024-W18", "2024-W19", "2024-W20", "2024-W21", "2024-W22"], RowLabels(page, "reports-by-period"));
        Assert.Equal(12, Column(page, "reports-by-period", 1).Sum(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ACsv_IsEveryFigureOfItsTable_AndTheExportIsAudited()
    {
        var (member, coordinator) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var response = await coordinator.Client.GetAsync(new Uri($"/staff/statistics?handler=csv&table=reports-by-channel&{Year}", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal("code,label,reports\r\nweb,Website,25\r\nphone,Phone line,12\r\napi,Partner system (API),3\r\n", csv);
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "statistics.exported" && e.Actor == member.Id.ToString()).Select(e => e.Record + " " + e.Detail).ToListAsync(Cancellation));
        Assert.Equal(["reports-by-channel 2024-01-01..2024-12-31 by month"], audited);
    }

    [Theory]
    [InlineData("from=2024-13-01")]
    [InlineData("from=2024-05-01&to=2024-04-01")]
    [InlineData("from=2010-01-01&to=2024-01-01")]
    [InlineData("by=day")]
    [InlineData("handler=csv&table=nope")]
    public async Task BadFilters_AreABadRequestWithAMessage(string query)
    {
        var (_, coordinator) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await coordinator.GetAsync("/staff/statistics?" + query, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.Document.QuerySelector(".error-summary li")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDashboard_IsForThoseWhoMayReadStatistics()
    {
        var (_, operatorClient) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);

        var page = await operatorClient.GetAsync("/staff/statistics", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task ThePublicYear_PublishesOnlyProtectedFigures()
    {
        var client = new FormClient(CreateBrowserClient());

        var page = await client.GetAsync("/fr/statistics/2024", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["40"], Column(page, "total", 1));
        // web 25 → 30; api 3 is hidden, so phone (12 → 10) is hidden with it; the total is of what is shown.
        Assert.Equal(["30", "–non affiché", "–non affiché", "30"], Column(page, "by-channel", 1));
        Assert.Equal(["30", "–non affiché", "–non affiché", "30"], Column(page, "by-region", 1));
        Assert.Contains("10", page.Document.QuerySelector(".disclosure-rule")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#escape"));
    }

    [Theory]
    [InlineData("/en/statistics/2030")]
    [InlineData("/en/statistics/2024-q5")]
    [InlineData("/en/statistics/1999")]
    [InlineData("/en/statistics/2020/rapporteur")]
    [InlineData("/open-data/statistics/2024/nope.csv")]
    [InlineData("/open-data/statistics/2024/by-form.xml")]
    [InlineData("/open-data/statistics/2030/by-form.csv")]
    [InlineData("/open-data/statistics/schemas/nope.json")]
    public async Task APeriodOrTableNotPublished_IsNotFound(string path)
    {
        var response = await CreateBrowserClient().GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheStatisticsPage_ListsThePublishedPeriods_InEveryLanguage()
    {
        foreach (var language in new[] { "en", "fr", "nl", "de" })
        {
            var page = await new FormClient(CreateBrowserClient()).GetAsync($"/{language}/statistics", Cancellation);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.Document.QuerySelector($"#periods a[href='/{language}/statistics/2024']"));
            Assert.NotNull(page.Document.QuerySelector($"#periods a[href='/{language}/statistics/2024-q1']"));
            Assert.NotNull(page.Document.QuerySelector($"#periods a[href='/{language}/statistics/2024/rapporteur']"));
        }
    }

    [Fact]
    public async Task TheRapporteurPage_CountsEurostatCategoriesByAge()
    {
        var page = await new FormClient(CreateBrowserClient()).GetAsync("/en/statistics/2024/rapporteur", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Columns: minors yes, no, not known. Sexual: 25 adults → 30; labour: 12 with minors → 10, 3 not known (hidden, and
        // 0 adults hidden with it); other: 3 begging, not known, hidden.
        Assert.Equal(["–not shown", "30", "–not shown"], Row(page, "eurostat-form-by-age", 0));
        Assert.Equal(["10", "–not shown", "–not shown"], Row(page, "eurostat-form-by-age", 1));
        Assert.Equal(["–not shown", "–not shown", "–not shown"], Row(page, "eurostat-form-by-age", 2));
    }

    [Fact]
    public async Task TheOpenData_ParsesAndMatchesItsSchema_AndTheDataPackageListsIt()
    {
        var client = CreateBrowserClient();
        using var package = JsonDocument.Parse(await client.GetStringAsync(new Uri("/open-data/statistics/2024/datapackage.json", UriKind.Relative), Cancellation));
        Assert.Equal("tabular-data-package", package.RootElement.GetProperty("profile").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(9, resources.Count);
        foreach (var resource in resources)
        {
            var name = resource.GetProperty("name").GetString()!;
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray()
                .Select(f => (Name: f.GetProperty("name").GetString()!, Type: f.GetProperty("type").GetString()!)).ToList();
            using var standalone = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/open-data/statistics/schemas/{name}.json", UriKind.Relative), Cancellation));
            Assert.Equal(fields.Select(f => f.Name), standalone.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

            var csv = await client.GetStringAsync(new Uri($"/open-data/statistics/2024/{resource.GetProperty("path").GetString()}", UriKind.Relative), Cancellation);
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(',', fields.Select(f => f.Name)), lines[0]);
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/open-data/statistics/2024/{name}.json", UriKind.Relative), Cancellation));
            var data = json.RootElement.GetProperty("data").EnumerateArray().ToList();
            Assert.Equal(lines.Length - 1, data.Count);
            for (var l = 1; l < lines.Length; l++)
            {
                var values = lines[l].Split(',');
                Assert.Equal(fields.Count, values.Length);
                for (var f = 0; f < fields.Count; f++)
                {
                    var item = data[l - 1].GetProperty(fields[f].Name);
                    if (fields[f].Type == "integer")
                    {
                        // Empty (not published) or a multiple of the threshold, at least the threshold; the JSON says the same.
                        Assert.True(values[f] == string.Empty || (long.Parse(values[f], System.Globalization.CultureInfo.InvariantCulture) >= 10 && long.Parse(values[f], System.Globalization.CultureInfo.InvariantCulture) % 10 == 0), $"{name}: {lines[l]}");
                        Assert.Equal(values[f], item.ValueKind == JsonValueKind.Null ? string.Empty : item.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Assert.NotEmpty(values[f]);
                        Assert.Equal(values[f], item.GetString());
                    }
                }
            }
        }

        var channels = await client.GetStringAsync(new Uri("/open-data/statistics/2024/by-channel.csv", UriKind.Relative), Cancellation);
        Assert.Equal("period,channel,reports\r\n2024,web,30\r\n2024,phone,\r\n2024,api,\r\n", channels);
    }

    private static List<string> Column(HtmlPage page, string table, int column) =>
        page.Document.QuerySelectorAll($"#table-{table} tbody tr").Select(r => r.Children[column].TextContent.Trim()).ToList();

    private static List<string> Row(HtmlPage page, string table, int row) =>
        page.Document.QuerySelectorAll($"#table-{table} tbody tr")[row].Children.Skip(1).Select(c => c.TextContent.Trim()).ToList();

    private static List<string> RowLabels(HtmlPage page, string table) =>
        page.Document.QuerySelectorAll($"#table-{table} tbody tr th").Select(c => c.TextContent.Trim()).ToList();
}

public sealed class StatisticsTestsOnSqlite(SqliteLanternFactory factory) : StatisticsTests<SqliteLanternFactory>(factory);

public sealed class StatisticsTestsOnPostgres(PostgresLanternFactory factory) : StatisticsTests<PostgresLanternFactory>(factory);
