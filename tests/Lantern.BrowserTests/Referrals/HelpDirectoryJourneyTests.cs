using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;

namespace Lantern.BrowserTests.Referrals;

/// <summary>
/// Someone looks for help from the home page, with JavaScript off and on: the plain GET form finds the victim
/// centre of their postcode and the organisations for a child; an organisation's page gives its details; the
/// emergency numbers are on top throughout. Then an administrator edits an organisation. axe on every page, and
/// nothing is requested from another origin.
/// </summary>
public sealed class HelpDirectoryJourneyTests(LanternBrowser lantern)
{
    [Theory]
    [InlineData(false, "fr")]
    [InlineData(true, "nl")]
    public async Task AVisitor_FindsHelpByPostcodeAndSituation(bool javaScript, string language)
    {
        await using var session = await lantern.OpenAsync(javaScript, language);
        var page = session.Page;
        await page.GotoAsync($"/{language}/");
        await session.ClickAndLoadAsync(page.Locator($"main a.entry[href='/{language}/help']"));
        Assert.Equal($"/{language}/help", new Uri(page.Url).AbsolutePath);
        Assert.Equal("emergency", await page.Locator("main > :first-child").GetAttributeAsync("id"));
        await session.AssertAccessibleAsync();

        await page.Locator("#postcode").FillAsync("4000");
        await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Contains("postcode=4000", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#org-surya").CountAsync());
        Assert.Equal(0, await page.Locator("#org-payoke").CountAsync());
        await session.AssertAccessibleAsync();

        await page.Locator("#who-minor").CheckAsync();
        await page.Locator("#danger").CheckAsync();
        await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal(1, await page.Locator("#org-child-focus").CountAsync());
        Assert.Equal(0, await page.Locator("#org-surya").CountAsync());
        Assert.Contains("urgent", await page.Locator("#emergency").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        await session.AssertAccessibleAsync();

        await session.ClickAndLoadAsync(page.Locator("#org-child-focus h3 a"));
        Assert.Equal($"/{language}/help/child-focus", new Uri(page.Url).AbsolutePath);
        Assert.Contains("116 000", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(lantern.Text(language, "escape.label"), (await page.Locator("#escape span").First.InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnAdministrator_EditsAnOrganisation_WithErrorsFirst(bool javaScript)
    {
        await using var session = await lantern.OpenAsync(javaScript);
        var page = session.Page;
        await StaffMembers.EnrolNewAsync(lantern.Server, session, StaffRoles.Administrator);

        await session.ClickAndLoadAsync(page.Locator("nav a[href='/staff/organisations']"));
        await session.AssertAccessibleAsync();
        await session.ClickAndLoadAsync(page.Locator("main a[href='/staff/organisations/minor-ndako']"));
        await session.AssertAccessibleAsync();

        await page.Locator("#postcodes").FillAsync("1000-1299, 9000-");
        var refused = await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal(400, refused.Status);
        Assert.Equal("#postcodes", await page.Locator(".error-summary a").First.GetAttributeAsync("href"));
        await session.AssertAccessibleAsync();

        await page.Locator("#postcodes").FillAsync("1000-1299, 9000-9999");
        await page.Locator("#hours").FillAsync("24/7 (test)");
        await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal("/staff/organisations", new Uri(page.Url).AbsolutePath);
        Assert.Equal(1, await page.Locator("main [role=status]").CountAsync());

        await session.ClickAndLoadAsync(page.Locator("main a[href='/staff/organisations/new']"));
        await session.AssertAccessibleAsync();
    }
}
