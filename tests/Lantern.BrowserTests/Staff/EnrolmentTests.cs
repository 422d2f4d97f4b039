using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.BrowserTests.Staff;

/// <summary>
/// A new staff member's first day: the enrolment link, the authenticator (the test computes the codes as the
/// phone would), signing out and in again, and the accounts pages an administrator uses; axe on each page.
/// </summary>
public sealed class EnrolmentTests(LanternBrowser lantern)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ANewAdministrator_Enrols_SignsOutAndIn_AndAddsAColleague(bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript);
        var page = session.Page;
        var (email, path) = await StaffMembers.AddAsync(lantern.Server, StaffRoles.Administrator);
        await page.GotoAsync(path);
        await session.AssertAccessibleAsync();

        var login = await StaffMembers.EnrolAsync(session, email, path);
        await session.AssertAccessibleAsync();

        await StaffMembers.SignOutAsync(session);
        Assert.Equal("/staff/sign-in", new Uri(page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();
        await StaffMembers.SignInAsync(session, login);

        await page.GotoAsync("/staff/users");
        await session.AssertAccessibleAsync();
        await page.Locator("#new-email").FillAsync($"colleague-{Guid.NewGuid():N}@example.org");
        await page.Locator("#new-role").SelectOptionAsync(StaffRoles.Analyst);
        await session.ClickAndLoadAsync(page.Locator("form[action*='handler=Add'] button[type=submit]"));
        Assert.Matches("/staff/enrol/[A-Za-z0-9_-]{40,}$", await page.Locator("#enrolment-link").InnerTextAsync());
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();
    }

    [Fact]
    public async Task AWrongCodeAtSignIn_IsRefusedWithAnAccessibleMessage()
    {
        await using var session = await lantern.OpenAsync(javaScript: false);
        var page = session.Page;
        var login = await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Auditor);
        await StaffMembers.SignOutAsync(session);

        await page.Locator("#email").FillAsync(login.Email);
        await page.Locator("#password").FillAsync(login.Password);
        await page.Locator("#code").FillAsync(login.Code() == "000000" ? "111111" : "000000");
        var response = await session.ClickAndLoadAsync(page.Locator("main button[type=submit]"));

        Assert.Equal(400, response.Status);
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task EveryAccountsAuditGuidanceAndRegistrationPage_PassesAxe()
    {
        await using var session = await lantern.OpenAsync(javaScript: true, "fr");
        var page = session.Page;
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Administrator);
        foreach (var path in new[] { "/staff", "/staff/users", "/staff/tokens", "/staff/audit", "/staff/confirm" })
        {
            await page.GotoAsync(path);
            await session.AssertAccessibleAsync();
        }

        await using var professional = await lantern.OpenAsync(javaScript: true, "nl");
        await StaffMembers.EnrolNewAsync(lantern.Server, professional, StaffRoles.Professional, "payoke");
        foreach (var path in new[] { "/staff/guidance", "/staff/guidance/de/sexual", "/staff/register", "/staff/register/recorded" })
        {
            await professional.Page.GotoAsync(path);
            await professional.AssertAccessibleAsync();
        }

        session.AssertNoForeignRequests();
        professional.AssertNoForeignRequests();
    }
}
