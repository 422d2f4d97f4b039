using System.Net;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Forms;

public sealed class QuestionnaireTestsOnSqlite(SqliteLanternFactory factory) : QuestionnaireTests<SqliteLanternFactory>(factory);

public sealed class QuestionnaireTestsOnPostgres(PostgresLanternFactory factory) : QuestionnaireTests<PostgresLanternFactory>(factory);

/// <summary>What a person filling in the questionnaire without JavaScript notices from one step to the next.</summary>
public abstract class QuestionnaireTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    public async Task EveryStep_HasATitleAndAHeading_InThePagesLanguage(string language)
    {
        var forms = new FormClient(CreateBrowserClient());
        foreach (var role in new[] { "victim", "witness", "professional" })
        {
            var page = await forms.GetAsync($"/{language}/report/{role}", Cancellation);
            AssertTitled(page, language, $"{role}/danger");
            page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
            AssertTitled(page, language, $"{role}/what");
            page = await page.Form("#questionnaire").Check("signs", "debt").Check("minorsInvolved", "yes").PressAsync("action", "next", Cancellation);
            AssertTitled(page, language, $"{role}/minor");
            page = await page.Form("#questionnaire").Set("youngestAge", "16").PressAsync("action", "next", Cancellation);
            var steps = new List<string>();
            for (var step = page.Form("#questionnaire").Value("step"); step != "review" && steps.Count < 12; step = page.Form("#questionnaire").Value("step"))
            {
                steps.Add(step!);
                AssertTitled(page, language, $"{role}/{step}");
                page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
            }

            AssertTitled(page, language, $"{role}/review");
            Assert.Equal(["where", "when", "people", "details", "account", "contact"], steps);
        }
    }

    [Fact]
    public async Task AnErrorOnAStep_KeepsTheAnswersOfTheEarlierSteps()
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await forms.GetAsync("/en/report/witness", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("signs", "documents").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Set("location.postcode", "8000").Set("location.municipality", "Brugge").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
        Assert.Equal("details", page.Form("#questionnaire").Value("step"));

        // A mistake: the same step comes back with the error and what was typed.
        page = await page.Form("#questionnaire").Set("entities.phones", "call me").PressAsync("action", "next", Cancellation);
        Assert.Equal("details", page.Form("#questionnaire").Value("step"));
        Assert.NotEmpty(page.Document.QuerySelectorAll(".error-summary"));
        Assert.Equal("call me", page.Document.QuerySelector("textarea[name='entities.phones']")?.TextContent.Trim());

        // Corrected, the person goes on, and nothing they said before is lost.
        page = await page.Form("#questionnaire").Set("entities.phones", "0470 12 34 56").PressAsync("action", "next", Cancellation);
        Assert.Equal("account", page.Form("#questionnaire").Value("step"));
        page = await page.Form("#questionnaire").Set("description", "Seen twice.").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
        Assert.Equal("review", page.Form("#questionnaire").Value("step"));
        var answers = page.Document.QuerySelectorAll("dd.answer").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains("8000", answers);
        Assert.Contains("Brugge", answers);
        Assert.Contains("0470 12 34 56", answers);
        Assert.Contains("Seen twice.", answers);
    }

    [Fact]
    public async Task QuestionnairePages_AreNeverStored_AndCarryTheSecurityHeaders()
    {
        var forms = new FormClient(CreateBrowserClient());

        var page = await forms.GetAsync("/en/report/victim", Cancellation);
        var next = await page.Form("#questionnaire").Check("immediateDanger", "yes").PressAsync("action", "next", Cancellation);

        foreach (var shown in new[] { page, next })
        {
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            Assert.True(shown.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
            Platform.SecurityHeaderAssert.Present(shown.Response);
            var cookies = shown.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
            Assert.DoesNotContain(cookies, c => c.Contains("expires=", StringComparison.OrdinalIgnoreCase) || c.Contains("max-age=", StringComparison.OrdinalIgnoreCase));
        }

        // Immediate danger shows the emergency numbers at once.
        Assert.NotNull(next.Document.QuerySelector(".danger-box[role='alert']"));
    }

    private static void AssertTitled(HtmlPage page, string language, string where)
    {
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        var title = page.Document.Title ?? string.Empty;
        Assert.False(title.TrimStart().StartsWith('–'), $"{where}: the page title starts with the step's name, not '{title}'");
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("h1")?.TextContent), $"{where}: the page has a heading");
    }
}
