using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Lantern.Web.Reporting.Api;

namespace Lantern.BrowserTests.Detection;

/// <summary>
/// An analyst opens a report, sees the reports sharing its van driver's phone number, opens the network view and
/// groups them into a case in one step, with JavaScript on and off; axe on each page.
/// </summary>
public sealed class LinkedReportsJourneyTests(LanternBrowser lantern)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAnalyst_SeesLinkedReports_TheNetwork_AndGroupsThemIntoACase(bool javaScript)
    {
        var digits = Random.Shared.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
        var first = await SendReportAsync($"The van driver calls from 0479 {digits[..2]} {digits[2..4]} {digits[4..]} every morning.");
        var second = await SendReportAsync($"Workers are picked up by a man on +32 479 {digits}.");
        await using var session = await lantern.OpenAsync(javaScript, "en");
        var page = session.Page;
        var (email, enrolment) = await StaffMembers.AddAsync(lantern.Server, StaffRoles.Analyst);
        await StaffMembers.EnrolAsync(session, email, enrolment);

        await page.GotoAsync($"/staff/reports/{first}");
        Assert.Contains(second, await page.Locator("#links").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("+32479" + digits, await page.Locator("#links").InnerTextAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();

        await session.ClickAndLoadAsync(page.Locator("#network-link"));
        Assert.True(await page.Locator("svg#network-svg").IsVisibleAsync());
        Assert.Contains(second, await page.Locator("#network-table").InnerTextAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();

        await page.GotoAsync($"/staff/reports/{first}");
        await session.ClickAndLoadAsync(page.Locator("#links-group-form button[type=submit]"));
        Assert.Contains("links=grouped", page.Url, StringComparison.Ordinal);
        var caseReference = (await page.Locator("#case").InnerTextAsync()).Trim();
        Assert.StartsWith("CS-", caseReference, StringComparison.Ordinal);
        await session.AssertAccessibleAsync();

        await page.GotoAsync($"/staff/reports/{second}");
        Assert.Equal(caseReference, (await page.Locator("#case").InnerTextAsync()).Trim());
        session.AssertNoForeignRequests();
    }

    [Fact]
    public async Task ACoordinator_FindsTheHotspots_WithAndWithoutAnError_AccessibleEachTime()
    {
        var digits = Random.Shared.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add(await SendReportAsync($"Report {i}: the recruiter answers on 0478 {digits} at night."));
        }

        await using var session = await lantern.OpenAsync(javaScript: false, "en");
        var page = session.Page;
        var (email, enrolment) = await StaffMembers.AddAsync(lantern.Server, StaffRoles.Coordinator);
        await StaffMembers.EnrolAsync(session, email, enrolment);

        await page.GotoAsync("/staff/entities/hotspots");
        await page.SelectOptionAsync("#hotspot-kind", "phone");
        await page.FillAsync("#hotspot-min", "3");
        await session.ClickAndLoadAsync(page.Locator("#hotspots-form button[type=submit]"));
        var row = page.Locator("#hotspots tr", new() { HasText = "+32478" + digits });
        Assert.Equal(1, await row.CountAsync());
        foreach (var reference in references)
        {
            Assert.Contains(reference, await row.InnerTextAsync(), StringComparison.Ordinal);
        }

        await session.AssertAccessibleAsync();

        // A threshold below two (the browser's own check bypassed, as an address typed by hand does) is refused by the
        // server with a message that leads to the field.
        await page.GotoAsync("/staff/entities/hotspots?kind=phone&min=1");
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        Assert.Equal("true", await page.Locator("#hotspot-min").GetAttributeAsync("aria-invalid"));
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();
    }

    private async Task<string> SendReportAsync(string description)
    {
        var body = JsonSerializer.Serialize(new { role = "witness", language = "en", location = new { country = "BE", postcode = "1000" }, description });
        using var client = new HttpClient { BaseAddress = lantern.Server.Origin };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<ReportCreated>(text, JsonSerializerOptions.Web)!.Reference;
    }
}
