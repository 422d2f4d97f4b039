using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Content;
using Lantern.Web.Core.Access;
using Lantern.Web.Platform.Localisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Content;

public sealed class ContentPagesTestsOnSqlite(SqliteLanternFactory factory) : ContentPagesTests<SqliteLanternFactory>(factory);

public sealed class ContentPagesTestsOnPostgres(PostgresLanternFactory factory) : ContentPagesTests<PostgresLanternFactory>(factory);

/// <summary>
/// Content the team keeps (issue 13): the seed pages on the public site, an editor's versions, preview, publish and
/// unpublish (audited, sanitised), a page missing in a language, and a campaign's banner on the home page.
/// </summary>
public abstract class ContentPagesTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheSeedPages_ArePublished_InOrder_WithTheSitesNumbers()
    {
        var forms = new FormClient(CreateBrowserClient());
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();

        var list = await forms.GetAsync("/en/learn", Cancellation);
        var page = await forms.GetAsync("/en/learn/what-is-trafficking", Cancellation);
        var ukrainian = await forms.GetAsync("/uk/learn/ukraine", Cancellation);
        var arabic = await forms.GetAsync("/ar/learn/your-rights", Cancellation);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        // The seed pages first; pages the other tests of this class publish come after them (position 100).
        Assert.Equal(
            ["/en/learn/what-is-trafficking", "/en/learn/forms-of-exploitation", "/en/learn/signs-by-sector", "/en/learn/your-rights", "/en/learn/after-a-report", "/en/learn/staying-safe-online", "/en/learn/ukraine"],
            list.Document.QuerySelectorAll("#articles a").Select(a => a.GetAttribute("href")).Take(7));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("What is human trafficking?", page.Document.QuerySelector("article h1")?.TextContent);
        Assert.DoesNotContain("{{", page.Html, StringComparison.Ordinal);
        Assert.Contains("\u2066112\u2069", page.Document.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ukrainian.Status);
        Assert.Equal("uk", ukrainian.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.OK, arabic.Status);
        Assert.Equal("rtl", arabic.Document.DocumentElement.GetAttribute("dir"));
        Assert.NotNull(arabic.Document.QuerySelector("a.escape"));
        Assert.Equal(texts.Get("ar", "content.learn.all"), arabic.Document.QuerySelector("main p a")?.TextContent);
    }

    [Fact]
    public async Task APageMissingInALanguage_SaysSo_AndOffersTheLanguagesItExistsIn()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var slug = "test-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(client, slug, "uk", "Для людей з України", "Де знайти допомогу.");
        var forms = new FormClient(CreateBrowserClient());

        var missing = await forms.GetAsync($"/es/learn/{slug}", Cancellation);
        var unknown = await forms.GetAsync("/en/learn/no-such-page", Cancellation);
        var malformed = await forms.GetAsync("/en/learn/Not_A_Page", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("es", missing.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(missing.Document.QuerySelector("#missing"));
        var ukrainian = missing.Document.QuerySelector("#other-languages a[hreflang=uk]");
        Assert.Equal($"/uk/learn/{slug}", ukrainian?.GetAttribute("href"));
        Assert.Equal("uk", ukrainian?.GetAttribute("lang"));
        Assert.Equal("Українська", ukrainian?.TextContent, ignoreCase: true);
        Assert.Null(missing.Document.QuerySelector("#other-languages a[hreflang=es]"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Null(unknown.Document.QuerySelector("#other-languages"));
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
    }

    [Fact]
    public async Task AnEditor_SavesVersions_Previews_Publishes_AndUnpublishes_EachAudited()
    {
        var (editor, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var visitor = new FormClient(CreateBrowserClient());
        var slug = "test-" + Guid.NewGuid().ToString("N")[..8];

        var list = await client.GetAsync("/staff/content", Cancellation);
        var form = await list.Form("#new-page").Set("slug", slug).Set("language", "en").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.EndsWith($"/staff/content/{slug}/en", form.Url.AbsolutePath, StringComparison.Ordinal);

        const string unsafeBody = "## Signs\n\nCall {{emergency}}.\n\n<script>alert(1)</script> [click](javascript:alert(1))";
        var preview = await form.Form("#article-form")
            .Set("Input.Title", "A test page").Set("Input.Summary", "One sentence.").Set("Input.Body", unsafeBody)
            .PressAsync("act", "preview", Cancellation);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var shown = preview.Document.QuerySelector("#preview")!;
        Assert.Null(shown.QuerySelector("script"));
        Assert.Contains("<script>alert(1)</script>", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", shown.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("\u2066112\u2069", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == slug)));

        var saved = await preview.Form("#article-form").PressAsync("act", "save", Cancellation);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.NotNull(saved.Document.QuerySelector("#saved"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/en/learn/{slug}", Cancellation)).Status);

        var published = await saved.Form("#publish-1").SubmitAsync(Cancellation);
        Assert.NotNull(published.Document.QuerySelector("#published-notice"));
        var first = await visitor.GetAsync($"/en/learn/{slug}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("A test page", first.Document.QuerySelector("article h1")?.TextContent);
        Assert.Null(first.Document.QuerySelector("article script"));

        var second = await published.Form("#article-form").Set("Input.Title", "A better test page").PressAsync("act", "save", Cancellation);
        Assert.Equal("A test page", (await visitor.GetAsync($"/en/learn/{slug}", Cancellation)).Document.QuerySelector("article h1")?.TextContent);
        var versions = second.Document.QuerySelectorAll("#versions tbody tr");
        Assert.Equal(2, versions.Length);
        Assert.Contains(editor.Email, versions[0].TextContent, StringComparison.Ordinal);
        await second.Form("#publish-2").SubmitAsync(Cancellation);
        Assert.Equal("A better test page", (await visitor.GetAsync($"/en/learn/{slug}", Cancellation)).Document.QuerySelector("article h1")?.TextContent);
        Assert.Contains($"/en/learn/{slug}", (await visitor.GetAsync("/en/learn", Cancellation)).Html, StringComparison.Ordinal);

        var edit = await client.GetAsync($"/staff/content/{slug}/en", Cancellation);
        await edit.Form("#unpublish").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/en/learn/{slug}", Cancellation)).Status);

        var audited = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Record == slug + "/en").OrderBy(e => e.Sequence).Select(e => e.Action + " " + e.Detail + " " + e.Actor).ToListAsync());
        Assert.Equal(
            [$"content.version-saved version=1 {editor.Id}", $"content.published version=1 {editor.Id}", $"content.version-saved version=2 {editor.Id}",
             $"content.published version=2 {editor.Id}", $"content.unpublished  {editor.Id}"],
            audited);
        Assert.DoesNotContain(await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(e => e.Detail).ToListAsync()), d => d.Contains("better", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATranslation_StartsFromAnotherLanguage_AndThePageInAThirdSaysWhereItExists()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var visitor = new FormClient(CreateBrowserClient());
        var slug = "test-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(client, slug, "en", "In English", "First words.");

        var copy = await client.GetAsync($"/staff/content/{slug}/fr?copy=en", Cancellation);
        Assert.Equal("In English", copy.Form("#article-form").Value("Input.Title"));
        await PublishAsync(client, slug, "fr", "En français", "Premiers mots.");

        var german = await visitor.GetAsync($"/de/learn/{slug}", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, german.Status);
        Assert.Equal(["en", "fr"], german.Document.QuerySelectorAll("#other-languages a").Select(a => a.GetAttribute("hreflang")).Order(StringComparer.Ordinal));
        Assert.Equal("En français", (await visitor.GetAsync($"/fr/learn/{slug}", Cancellation)).Document.QuerySelector("article h1")?.TextContent);
    }

    [Theory]
    [InlineData("Input.Title", "", "Title")]
    [InlineData("Input.Summary", "line\u0007bell", "Summary")]
    [InlineData("Input.Position", "20000", "Position")]
    [InlineData("Input.Position", "first", "Position")]
    public async Task AnInvalidForm_ComesBackWithTheError_AndSavesNothing(string field, string value, string errorField)
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var slug = "test-" + Guid.NewGuid().ToString("N")[..8];
        var form = await client.GetAsync($"/staff/content/{slug}/nl", Cancellation);

        var refused = await form.Form("#article-form")
            .Set("Input.Title", "Titel").Set("Input.Summary", "Een zin.").Set("Input.Body", "Tekst.").Set(field, value)
            .PressAsync("act", "save", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal($"#{errorField}", refused.Document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("true", refused.Document.QuerySelector($"#{errorField}")?.GetAttribute("aria-invalid"));
        Assert.Equal("Tekst.", refused.Form("#article-form").Value("Input.Body"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == slug)));
    }

    [Fact]
    public async Task ABadPageName_OrLanguage_IsRefused()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);

        var badName = await client.GetAsync("/staff/content?slug=Not+A+Name&language=en", Cancellation);
        var badLanguage = await client.GetAsync("/staff/content/what-is-trafficking/xx", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, badName.Status);
        Assert.NotNull(badName.Document.QuerySelector("#slug-error"));
        Assert.Equal(HttpStatusCode.NotFound, badLanguage.Status);
    }

    [Fact]
    public async Task ACampaign_ShowsItsBanner_OnTheHomePage_InItsLanguages_DuringItsDays()
    {
        var (editor, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var visitor = new FormClient(CreateBrowserClient());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slug = "test-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(client, slug, "en", "Blue Heart", "What the campaign is about.");
        Assert.Null((await visitor.GetAsync("/en/", Cancellation)).Document.QuerySelector("#campaign"));

        var form = await client.GetAsync("/staff/campaigns/new", Cancellation);
        var refused = await form.Form("#campaign-form")
            .Set("Input.Name", "Blue Heart").Set("Input.StartsOn", Day(today.AddDays(3))).Set("Input.EndsOn", Day(today))
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["#EndsOn", "#banners"], refused.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));

        var saved = await refused.Form("#campaign-form")
            .Set("Input.StartsOn", Day(today.AddDays(-1))).Set("Input.EndsOn", Day(today.AddDays(7))).Set("Input.ArticleSlug", slug)
            .Set("Input.Banners[en]", "Blue Heart: trafficking is closer than you think.").Set("Input.Banners[es]", "Corazón Azul: la trata está más cerca de lo que piensas.")
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Single(saved.Document.QuerySelectorAll("#campaigns tbody tr"));

        // The home page was rendered and stored before: saving drops the stored rendering.
        var english = await visitor.GetAsync("/en/", Cancellation);
        Assert.Equal("Blue Heart: trafficking is closer than you think.", english.Document.QuerySelector("#campaign p")?.FirstChild?.TextContent?.Trim());
        Assert.Equal($"/en/learn/{slug}", english.Document.QuerySelector("#campaign a")?.GetAttribute("href"));
        var spanish = await visitor.GetAsync("/es/", Cancellation);
        Assert.NotNull(spanish.Document.QuerySelector("#campaign"));
        Assert.Null(spanish.Document.QuerySelector("#campaign a"));
        Assert.Null((await visitor.GetAsync("/fr/", Cancellation)).Document.QuerySelector("#campaign"));

        var edit = await client.GetAsync(saved.Document.QuerySelector("#campaigns tbody a")!.GetAttribute("href")!, Cancellation);
        await edit.Form("#campaign-form").Set("Input.StartsOn", Day(today.AddDays(2))).SubmitAsync(Cancellation);
        Assert.Null((await visitor.GetAsync("/en/", Cancellation)).Document.QuerySelector("#campaign"));
        edit = await client.GetAsync(saved.Document.QuerySelector("#campaigns tbody a")!.GetAttribute("href")!, Cancellation);
        await edit.Form("#delete-campaign").SubmitAsync(Cancellation);

        var audited = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action.StartsWith("campaign.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["campaign.created", "campaign.changed", "campaign.deleted"], audited);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CampaignBanners.CountAsync()));
        Assert.Equal(editor.Id.ToString(), await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "campaign.deleted").Select(e => e.Actor).SingleAsync()));
    }

    private static async Task PublishAsync(FormClient client, string slug, string language, string title, string body)
    {
        var form = await client.GetAsync($"/staff/content/{slug}/{language}", Cancellation);
        var saved = await form.Form("#article-form").Set("Input.Title", title).Set("Input.Summary", title).Set("Input.Body", body).PressAsync("act", "save", Cancellation);
        await saved.Form($"#publish-{saved.Document.QuerySelector("#versions tbody tr td")!.TextContent}").SubmitAsync(Cancellation);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
