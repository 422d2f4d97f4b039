using System.Security.Cryptography;
using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.BrowserTests.Statistics;

/// <summary>
/// A coordinator opens the statistics from the navigation, filters a period by week and downloads a table as CSV; the
/// public figures in French and Dutch (Arabic is not an enabled language of the default configuration); axe on each page.
/// </summary>
public sealed class StatisticsJourneyTests(LanternBrowser lantern)
{
    private const int Year = 2023;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACoordinator_FiltersTheDashboard_AndDownloadsACsv(bool javaScript)
    {
        await SeedAsync();
        await using var session = await lantern.OpenAsync(javaScript, "en");
        var page = session.Page;
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Coordinator);

        await session.ClickAndLoadAsync(page.Locator("nav.staff-nav a[href='/staff/statistics']"));
        Assert.Equal("/staff/statistics", new Uri(page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();

        await page.Locator("#from").FillAsync($"{Year}-06-01");
        await page.Locator("#to").FillAsync($"{Year}-06-30");
        await page.Locator("#by").SelectOptionAsync("week");
        var response = await session.ClickAndLoadAsync(page.Locator("form.filters button[type=submit]"));
        Assert.Equal(200, response.Status);
        Assert.Contains($"from={Year}-06-01", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Website", "Phone line"], await page.Locator("#table-reports-by-channel tbody th").AllInnerTextsAsync());
        Assert.Equal(["14", "11"], await page.Locator("#table-reports-by-channel tbody td").AllInnerTextsAsync());
        Assert.StartsWith($"{Year}-W", await page.Locator("#table-reports-by-period tbody th").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg.chart").CountAsync() > 0);
        await session.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='table=reports-by-channel']").ClickAsync());
        var path = await download.PathAsync();
        Assert.Equal($"lantern-reports-by-channel-{Year}0601-{Year}0630.csv", download.SuggestedFilename);
        Assert.Equal("code,label,reports\r\nweb,Website,14\r\nphone,Phone line,11\r\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task ThePublicFigures_AreInTheReadersLanguage_WithTheRuleWritten(string language)
    {
        await SeedAsync();
        await using var session = await lantern.OpenAsync(javaScript: false, language);
        var page = session.Page;

        await page.GotoAsync($"/{language}/");
        await session.ClickAndLoadAsync(page.Locator($"footer a[href='/{language}/statistics']"));
        Assert.Equal(lantern.Text(language, "stats.public.title"), (await page.Locator("h1").InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();

        await session.ClickAndLoadAsync(page.Locator($"#periods a[href='/{language}/statistics/{Year}']"));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(lantern.Text(language, "stats.rule.title"), (await page.Locator("#rule-heading").InnerTextAsync()).Trim());
        // 14 → 10, 11 → 10: both at or above the threshold, rounded.
        Assert.Equal(["10", "10", "20"], await page.Locator("#table-by-channel tbody td").AllInnerTextsAsync());
        Assert.Equal(1, await page.Locator("#escape").CountAsync());
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();

        await session.ClickAndLoadAsync(page.Locator($"#periods-back, a[href='/{language}/statistics']").First);
        await session.ClickAndLoadAsync(page.Locator($"#periods a[href='/{language}/statistics/{Year}/rapporteur']"));
        Assert.Equal(lantern.Text(language, "stats.rapporteur.table"), (await page.Locator("#table-eurostat-form-by-age caption").InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();
    }

    /// <summary>
    /// 25 reports of June 2023 (14 by the website, 11 by phone), once for the shared server; then the shared page cache
    /// emptied, every time: another class (the pages in every language) may have cached the statistics page's list of
    /// periods before these reports existed, and that page would then lack 2023 for five minutes.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var scope = lantern.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var start = new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (!await db.Reports.AnyAsync(r => r.ReceivedAt >= start && r.ReceivedAt < start.AddYears(1), TestContext.Current.CancellationToken))
        {
            await PlantAsync(db);
        }

        await SharedPageCache.EvictAsync(scope.ServiceProvider.GetRequiredService<IOutputCacheStore>());
    }

    private static async Task PlantAsync(LanternDbContext db)
    {
        for (var i = 0; i < 25; i++)
        {
            var received = new DateTime(Year, 6, 1 + i, 12, 0, 0, DateTimeKind.Utc);
            db.Reports.Add(new Report
            {
                Id = Guid.CreateVersion7(),
                Reference = ReferenceGenerator.Next(),
                ReceivedAt = received,
                Channel = i < 14 ? ReportCodes.Channels.Web : ReportCodes.Channels.Phone,
                Role = "witness",
                Language = "fr",
                Country = "BE",
                Region = "BE-BRU",
                ImmediateDanger = false,
                MinorsInvolved = false,
                UrgencyReasons = string.Empty,
                Status = ReportStatus.Closed,
                AcknowledgedAt = received.AddHours(5),
                ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
                StaffKeyId = "test",
                SealedDataKey = RandomNumberGenerator.GetBytes(KeySealer.SealedSize),
                ReceiptWrappedKey = RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
                Forms = [new ReportForm { Code = "labour" }],
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
