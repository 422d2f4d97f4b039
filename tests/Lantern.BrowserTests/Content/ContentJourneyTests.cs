using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;

namespace Lantern.BrowserTests.Content;

/// <summary>
/// An editor writes a page in two languages (preview, save, publish) and starts a campaign; a visitor without JavaScript
/// reads the page in both languages, finds it offered from a third, and sees the banner on the home page. axe on every
/// page of the way, the editor's included.
/// </summary>
public sealed class ContentJourneyTests(LanternBrowser lantern)
{
    [Fact]
    public async Task AnEditor_PublishesAPageInTwoLanguages_AndACampaignBannerAppears()
    {
        var slug = "journey-" + Guid.NewGuid().ToString("N")[..8];
        await using var editor = await lantern.OpenAsync(javaScript: true, acceptLanguage: "en");
        var page = editor.Page;
        await StaffMembers.EnrolNewAsync(lantern.Server, editor, StaffRoles.Editor);

        await editor.ClickAndLoadAsync(page.Locator("nav a[href='/staff/content']"));
        await editor.AssertAccessibleAsync();
        await page.Locator("#slug").FillAsync(slug);
        await page.Locator("#language").SelectOptionAsync("en");
        await editor.ClickAndLoadAsync(page.Locator("#new-page button[type=submit]"));
        Assert.Equal($"/staff/content/{slug}/en", new Uri(page.Url).AbsolutePath);

        await page.Locator("#Title").FillAsync("Work that is not what was promised");
        await page.Locator("#Summary").FillAsync("Signs to look for at work.");
        await page.Locator("#Body").FillAsync("## Signs\n\n- Your boss keeps your passport.\n- You cannot leave.\n\nIn danger now? Call {{emergency}}.");
        await editor.ClickAndLoadAsync(page.Locator("#article-form button[value=preview]"));
        Assert.Equal("Signs", (await page.Locator("#preview h2 + h1 + p + h2").InnerTextAsync()).Trim());
        await editor.AssertAccessibleAsync();
        await editor.ClickAndLoadAsync(page.Locator("#article-form button[value=save]"));
        await editor.ClickAndLoadAsync(page.Locator("#publish-1 button"));
        Assert.Equal(1, await page.Locator("#published-notice").CountAsync());
        await editor.AssertAccessibleAsync();

        await page.GotoAsync($"/staff/content/{slug}/fr?copy=en");
        await page.Locator("#Title").FillAsync("Un travail qui n'est pas celui promis");
        await page.Locator("#Summary").FillAsync("Les signes à repérer au travail.");
        await page.Locator("#Body").FillAsync("## Signes\n\n- Votre patron garde votre passeport.\n\nEn danger ? Appelez le {{emergency}}.");
        await editor.ClickAndLoadAsync(page.Locator("#article-form button[value=save]"));
        await editor.ClickAndLoadAsync(page.Locator("#publish-1 button"));

        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await page.GotoAsync("/staff/campaigns/new");
        await editor.AssertAccessibleAsync();
        await page.Locator("#Name").FillAsync("Blue Heart " + slug);
        await page.Locator("#StartsOn").FillAsync(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#EndsOn").FillAsync(first.AddDays(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#ArticleSlug").FillAsync(slug);
        await page.Locator("#banner-fr").FillAsync("Cœur bleu : la traite est plus proche que vous ne le pensez.");
        await editor.ClickAndLoadAsync(page.Locator("#campaign-form button[type=submit]"));
        Assert.Equal("/staff/campaigns", new Uri(page.Url).AbsolutePath);
        await editor.AssertAccessibleAsync();

        await using var visitor = await lantern.OpenAsync(javaScript: false, acceptLanguage: "fr");
        var reader = visitor.Page;
        await reader.GotoAsync("/fr/");
        Assert.StartsWith("Cœur bleu", (await reader.Locator("#campaign p").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await visitor.AssertAccessibleAsync();
        await visitor.ClickAndLoadAsync(reader.Locator("#campaign a"));
        Assert.Equal($"/fr/learn/{slug}", new Uri(reader.Url).AbsolutePath);
        Assert.Equal("Un travail qui n'est pas celui promis", (await reader.Locator("article h1").InnerTextAsync()).Trim());
        Assert.Contains("112", await reader.Locator("article").InnerTextAsync(), StringComparison.Ordinal);
        await visitor.AssertAccessibleAsync();

        var missing = await reader.GotoAsync($"/de/learn/{slug}");
        Assert.Equal(404, missing!.Status);
        await visitor.AssertAccessibleAsync();
        await visitor.ClickAndLoadAsync(reader.Locator("#other-languages a[hreflang=en]"));
        Assert.Equal("Work that is not what was promised", (await reader.Locator("article h1").InnerTextAsync()).Trim());
        Assert.Equal("en", await reader.Locator("html").GetAttributeAsync("lang"));
        visitor.AssertNoForeignRequests();

        // The banner would show on every other test's French home page: take the campaign down again.
        await editor.ClickAndLoadAsync(page.Locator("#campaigns a", new() { HasText = slug }));
        await editor.ClickAndLoadAsync(page.Locator("#delete-campaign button"));
        await reader.GotoAsync("/fr/");
        Assert.Equal(0, await reader.Locator("#campaign").CountAsync());
    }
}
