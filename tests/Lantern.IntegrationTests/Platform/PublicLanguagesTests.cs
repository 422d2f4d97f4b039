using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Platform;

/// <summary>
/// The public site in each of the 24 languages (issue 13): every page a visitor can open without a session exists in
/// the language, reads in it, says so with <c>lang</c> and <c>dir</c>, carries the escape button, is sent as UTF-8 rather
/// than numeric references, and weighs at most 50 KB.
/// </summary>
public sealed partial class PublicLanguagesTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    private const int MaxPageBytes = 50 * 1024;

    /// <summary>The public pages that open without a session (the others are reached by the journeys).</summary>
    private static readonly string[] _pages = ["", "languages", "self-check", "statistics", "help", "help?postcode=4000", "help/surya", "follow-up", "report/victim", "report/witness", "report/professional",
        "learn", "resources", .. Lantern.Web.Content.Articles.ArticleSeeder.Order.Select(slug => "learn/" + slug)];

    public static TheoryData<string> Languages => [.. LanguageSettings.DefaultEnabled];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryPublicPage_IsInTheLanguage_Light_AndSentAsUtf8(string language)
    {
        var forms = new FormClient(CreateBrowserClient());
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();
        var direction = LanguageSettings.IsRightToLeft(language) ? "rtl" : "ltr";
        foreach (var page in _pages)
        {
            var html = await forms.GetAsync($"/{language}/{page}", Cancellation);

            Assert.True(html.Status == HttpStatusCode.OK, $"/{language}/{page}: {html.Status}");
            Assert.Equal(language, html.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(direction, html.Document.DocumentElement.GetAttribute("dir"));
            Assert.Equal("/escape", html.Document.QuerySelector("#escape")?.GetAttribute("href"));
            Assert.Equal(texts.Get(language, "escape.label"), html.Document.QuerySelector("#escape span")?.TextContent);
            var bytes = Encoding.UTF8.GetByteCount(html.Html);
            Assert.True(bytes <= MaxPageBytes, $"/{language}/{page} is {bytes} bytes");
            // Letters as numeric references (&#x627;) mean the encoder was not told to send UTF-8. The invisible
            // direction isolates around phone numbers (U+2066/U+2069, format characters) stay escaped, which is harmless.
            Assert.Empty(EscapedLetters(html.Html));
            if (language != "en" && page.StartsWith("learn/", StringComparison.Ordinal))
            {
                // The seed page is written in the language, not the English page under its label.
                var english = await forms.GetAsync($"/en/{page}", Cancellation);
                Assert.NotEqual(english.Document.QuerySelector("article h1")?.TextContent, html.Document.QuerySelector("article h1")?.TextContent);
            }
        }
    }

    [Theory]
    [InlineData("uk,ru;q=0.8", "uk")]
    [InlineData("fil", "tl")]
    [InlineData("pt-BR", "pt")]
    [InlineData("zh-CN,zh;q=0.9", "zh")]
    [InlineData("fa-IR", "fa")]
    [InlineData("ja", "en")]
    public async Task Root_ChoosesAmongTheTwentyFour_ByAcceptLanguage(string acceptLanguage, string expected)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{expected}/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheChooser_NamesEveryLanguageInItself_AndLeadsToTheSamePage()
    {
        var forms = new FormClient(CreateBrowserClient());

        var help = await forms.GetAsync("/fr/help/surya", Cancellation);
        var chooser = await forms.GetAsync(help.Document.QuerySelector("a.language-link")!.GetAttribute("href")!, Cancellation);

        var links = chooser.Document.QuerySelectorAll("ul.language-list a").ToList();
        Assert.Equal(LanguageSettings.DefaultEnabled, links.Select(a => a.GetAttribute("lang")));
        Assert.All(links, a => Assert.Equal($"/{a.GetAttribute("lang")}/help/surya", a.GetAttribute("href")));
        Assert.Equal("العربية", links.Single(a => a.GetAttribute("lang") == "ar").TextContent);
        Assert.Equal("rtl", links.Single(a => a.GetAttribute("lang") == "ar").GetAttribute("dir"));
        Assert.Equal("fr", chooser.Document.QuerySelector("a[aria-current=page]")?.GetAttribute("lang"));
        // Fewer than 24 links in the header: one, to the chooser.
        Assert.Single(help.Document.QuerySelectorAll("header a[hreflang], header a.language-link"));
    }

    [Theory]
    [InlineData("//evil.example/x", "evil.example/x")]
    [InlineData("https://evil.example/x", "")]
    [InlineData("../../etc", "")]
    [InlineData("help/<script>", "")]
    [InlineData("help/surya", "help/surya")]
    public async Task TheChooser_LeadsOnlyToPagesOfThisSite(string from, string expected)
    {
        var forms = new FormClient(CreateBrowserClient());

        var chooser = await forms.GetAsync("/en/languages?from=" + Uri.EscapeDataString(from), Cancellation);

        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        Assert.All(chooser.Document.QuerySelectorAll("ul.language-list a"), a => Assert.Equal($"/{a.GetAttribute("lang")}/{expected}", a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("ti")]
    public async Task TheApi_TakesAReportInAnyOfTheLanguages(string language)
    {
        using var client = CreateBrowserClient();
        using var body = new StringContent(
            $$"""{"role":"witness","language":"{{language}}","description":"People sleep in the workshop."}""",
            Encoding.UTF8,
            "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), body, Cancellation);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
    }

    /// <summary>The numeric references in <paramref name="html"/> that stand for a letter of any script.</summary>
    private static List<string> EscapedLetters(string html) =>
        NumericReference().Matches(html)
            .Where(m => Rune.IsLetter(new Rune(int.Parse(m.Groups["hex"].Value, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex("&#x(?<hex>[0-9A-F]{1,6});", RegexOptions.IgnoreCase)]
    private static partial Regex NumericReference();
}
