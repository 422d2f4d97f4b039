using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Referrals;

/// <summary>
/// A coordinator sets aside and brings back the referral the routing rules propose for a victim's report from Liège,
/// confirms it, and adds and withdraws another by hand; the caseworker
/// of Sürya finds it in the partner inbox, reads what it shares and acknowledges it; an administrator opens the
/// routing rules. axe on every page and state on the way.
/// </summary>
public sealed partial class ReferralJourneyTests(LanternBrowser lantern)
{
    [Fact]
    public async Task ACoordinatorRefersAReport_AndThePartnerAcknowledgesIt()
    {
        var description = $"They took our passports at the restaurant ({Guid.NewGuid():N}).";
        var reference = await SendReportAsync(description);
        await using var session = await lantern.OpenAsync(true, "en");
        var page = session.Page;
        string Text(string key) => lantern.Text("en", key);

        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Coordinator);
        await page.GotoAsync($"/staff/reports/{reference}");
        var proposal = page.Locator("#referrals .proposal").Filter(new() { HasText = "Sürya" });
        Assert.Equal(1, await proposal.CountAsync());
        await session.AssertAccessibleAsync();

        // Setting the proposal aside is recorded and can be undone.
        await Act(session, proposal.Locator("form[action*=Dismiss] button"));
        Assert.Equal(Text("staff.referrals.dismissed.done"), await TrimmedAsync(page.Locator("#referrals .notice")));
        Assert.Equal(0, await page.Locator("#referrals .proposal form[action*=Confirm]").CountAsync());
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator("#referrals form[action*=Restore] button"));
        Assert.Equal(Text("staff.referrals.restored.done"), await TrimmedAsync(page.Locator("#referrals .notice")));

        await Act(session, proposal.Locator("form[action*=Confirm] button"));
        Assert.Equal(Text("staff.report.status.referred"), await TrimmedAsync(page.Locator("#status")));
        Assert.Equal(Text("staff.referrals.done"), await TrimmedAsync(page.Locator("#referrals .notice")));
        Assert.Equal(1, await page.Locator("#referral-surya").CountAsync());
        await session.AssertAccessibleAsync();

        // A referral added by hand, then withdrawn from its page (a reason is required).
        await page.Locator("#referral-organisation").SelectOptionAsync("myria");
        await Act(session, page.Locator("#referral-add-form button[type=submit]"));
        await Act(session, page.Locator("#referral-myria a[href^='/staff/referrals/']"));
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator("#withdraw-form button[type=submit]"), expectedStatus: 400);
        Assert.Equal("true", await page.Locator("#withdraw-reason").GetAttributeAsync("aria-invalid"));
        await session.AssertAccessibleAsync();
        await page.Locator("#withdraw-reason").FillAsync("Added by mistake.");
        await Act(session, page.Locator("#withdraw-form button[type=submit]"));
        Assert.Equal(Text("staff.referrals.state.withdrawn"), await TrimmedAsync(page.Locator("#referral-state")));
        await session.AssertAccessibleAsync();
        await page.GotoAsync($"/staff/reports/{reference}");
        Assert.Equal(Text("staff.report.status.referred"), await TrimmedAsync(page.Locator("#status")));
        await session.AssertAccessibleAsync();

        await page.GotoAsync("/staff/referrals?organisation=surya");
        Assert.Equal(1, await page.Locator($"#referral-list a:text-is('{reference}')").CountAsync());
        await session.AssertAccessibleAsync();

        // Sürya's caseworker: the inbox, the referral, the acknowledgement.
        await StaffMembers.SignOutAsync(session);
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.PartnerCaseworker, "surya");
        await page.GotoAsync("/staff/referrals");
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator($"#referral-list a:text-is('{reference}')"));
        Assert.Matches(ReferralPath(), new Uri(page.Url).AbsolutePath);
        Assert.Contains(description, await page.Locator("#shared-description").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Text("staff.referrals.state.sent"), await TrimmedAsync(page.Locator("#referral-state")));
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator("#acknowledge"));
        Assert.Equal(Text("staff.referrals.state.acknowledged"), await TrimmedAsync(page.Locator("#referral-state")));
        Assert.Equal(Text("staff.referral.done.acknowledged"), await TrimmedAsync(page.Locator("main .notice[role=status]")));
        await session.AssertAccessibleAsync();

        // Declining without a reason is refused beside the field.
        await Act(session, page.Locator("#decline-form button[type=submit]"), expectedStatus: 400);
        Assert.Equal("true", await page.Locator("#reason").GetAttributeAsync("aria-invalid"));
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();

        // The administrator's routing rules.
        await StaffMembers.SignOutAsync(session);
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Administrator);
        await page.GotoAsync("/staff/routing");
        await session.AssertAccessibleAsync();
        await Act(session, page.Locator("#rule-list a").First);
        await session.AssertAccessibleAsync();
        await page.Locator("#rule-kind").SelectOptionAsync("shelter");
        await page.Locator("#rule-organisation").SelectOptionAsync("myria");
        await Act(session, page.Locator("#rule-form button[type=submit]"), expectedStatus: 400);
        Assert.Equal(Text("staff.routing.error.target"), await TrimmedAsync(page.Locator("#rule-error")));
        await session.AssertAccessibleAsync();
        await page.GotoAsync("/staff/routing/rules");
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();

        await using var scope = lantern.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var states = await db.Referrals.Where(f => db.Reports.Any(r => r.Id == f.ReportId && r.Reference == reference))
            .Join(db.Organisations, f => f.OrganisationId, o => o.Id, (f, o) => o.Code + ":" + f.State)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["myria:withdrawn", "surya:acknowledged"], states.Order());
    }

    private async Task<string> SendReportAsync(string description)
    {
        var body = $$"""
            {
              "role": "victim",
              "language": "en",
              "immediateDanger": false,
              "exploitationTypes": ["sexual"],
              "minorsInvolved": false,
              "location": { "country": "BE", "postcode": "4000", "municipality": "Liège" },
              "description": {{JsonSerializer.Serialize(description)}}
            }
            """;
        using var client = new HttpClient { BaseAddress = lantern.Server.Origin };
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<ReportCreated>(text, JsonSerializerOptions.Web)!.Reference;
    }

    private static async Task<IResponse> Act(BrowserSession session, ILocator target, int expectedStatus = 200)
    {
        var response = await session.ClickAndLoadAsync(target);
        Assert.True(response.Status == expectedStatus, $"Expected {expectedStatus} but got {response.Status} for {response.Url}");
        return response;
    }

    private static async Task<string> TrimmedAsync(ILocator locator) => Whitespace().Replace(await locator.InnerTextAsync(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("^/staff/referrals/[0-9a-f-]{36}$")]
    private static partial Regex ReferralPath();
}
