using Lantern.Web.Content.Guidance;
using Lantern.Web.Content.Rendering;
using Lantern.Web.Core.Catalogue;
using Lantern.Web.Platform.Localisation;

namespace Lantern.Tests.Content;

public class GuidanceLibraryTests
{
    private static readonly GuidanceLibrary _library = new();

    public static TheoryData<string, string> EveryPage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in LanguageSettings.Complete)
        {
            foreach (var code in GuidanceLibrary.PageCodes)
            {
                data.Add(language, code);
            }
        }

        return data;
    }

    public static TheoryData<string, string> EveryFormPage()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in LanguageSettings.Complete)
        {
            foreach (var code in GuidanceLibrary.FormCodes)
            {
                data.Add(language, code);
            }
        }

        return data;
    }

    [Fact]
    public void FormCodes_AreTheSeededForms_ExceptUnknown()
    {
        var seeded = CatalogueSeeder.Forms.Where(f => f != ReportingCatalogue.UnknownForm);

        Assert.Equal(seeded, GuidanceLibrary.FormCodes);
    }

    [Theory]
    [MemberData(nameof(EveryPage))]
    public void EveryPage_HasItsOwnText_WithATitle(string language, string code)
    {
        var page = _library.Find(language, code);

        Assert.NotNull(page);
        Assert.Equal(language, page.Language);
        Assert.Equal(code, page.Code);
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.DoesNotContain("#", page.Title, StringComparison.Ordinal);
        Assert.StartsWith("<", page.Html.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void TitlesDiffer_BetweenLanguages()
    {
        // A text copied from English instead of translated would slip through the other checks.
        foreach (var code in GuidanceLibrary.PageCodes)
        {
            var titles = LanguageSettings.Complete.Select(l => _library.Find(l, code)!.Title).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [MemberData(nameof(EveryFormPage))]
    public void EveryFormPage_GivesTheContactPoint_ChildFocus_AndEmergencyNumbers(string language, string code)
    {
        var html = _library.Find(language, code)!.Html;

        Assert.Contains("078 055 800", html, StringComparison.Ordinal);
        Assert.Contains("116 000", html, StringComparison.Ordinal);
        Assert.Contains("112", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryFormPage))]
    public void EveryFormPage_LinksToRegisterACase_AndNamesTheThreeVictimCentres(string language, string code)
    {
        var html = _library.Find(language, code)!.Html;

        Assert.Contains("href=\"/staff/register\"", html, StringComparison.Ordinal);
        Assert.Contains("02 511 64 64", html, StringComparison.Ordinal);
        Assert.Contains("03 201 16 90", html, StringComparison.Ordinal);
        Assert.Contains("04 232 40 30", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EachLanguage_HasExactlyThePagesExpected()
    {
        Assert.Equal(LanguageSettings.Complete.Order(StringComparer.Ordinal), _library.Languages.Order(StringComparer.Ordinal));
        foreach (var language in LanguageSettings.Complete)
        {
            Assert.Equal(GuidanceLibrary.PageCodes, _library.List(language).Select(e => e.Code));
        }
    }

    [Fact]
    public void List_GivesTitlesInTheLanguage()
    {
        var entry = _library.List("fr").Single(e => e.Code == "labour");

        Assert.Equal(_library.Find("fr", "labour")!.Title, entry.Title);
        Assert.NotEqual(_library.Find("en", "labour")!.Title, entry.Title);
    }

    [Fact]
    public void UnknownLanguage_FallsBackToEnglish()
    {
        var page = _library.Find("xx", "labour");

        Assert.NotNull(page);
        Assert.Equal("en", page.Language);
        Assert.Equal(_library.Find("en", "labour")!.Html, page.Html);
        Assert.Equal(_library.List("en"), _library.List("xx"));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("../fr/labour")]
    public void UnknownCode_IsNull(string code)
    {
        Assert.Null(_library.Find("en", code));
        Assert.Null(_library.Find("fr", code));
    }

    [Fact]
    public void RawHtml_IsEscaped_NotRendered()
    {
        var html = SafeMarkdown.ToHtml("<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b> and <img src=x onerror=alert(1)>.\n\n<div>block</div>");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;div&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_IsRendered()
    {
        var html = SafeMarkdown.ToHtml("## Signs\n\n- **one** sign\n- [register](/staff/register)");

        Assert.Contains("<h2>Signs</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>one</strong> sign</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/staff/register\">register</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void ScriptLinks_AreNeutralised(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/staff/register", true)]
    [InlineData("#signs", true)]
    [InlineData("overview", true)]
    [InlineData("../labour?x=a:b", true)]
    [InlineData("https://www.example.be/", true)]
    [InlineData("tel:+3278055800", true)]
    [InlineData("mailto:contact@example.be", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData(" javascript:alert(1)", false)]
    public void IsSafeUrl_AllowsRelativeAndHarmlessSchemesOnly(string url, bool safe)
    {
        Assert.Equal(safe, SafeMarkdown.IsSafeUrl(url));
    }

    [Theory]
    [InlineData("No title\n\nText")]
    [InlineData("## Not a first-level title\n\nText")]
    [InlineData("#   \n\nText")]
    [InlineData("")]
    public void Parse_RefusesATextWithoutTitle(string markdown)
    {
        Assert.Throws<InvalidOperationException>(() => GuidanceLibrary.Parse("sexual", "en", markdown));
    }

    [Fact]
    public void Parse_TakesTheTitle_AndRendersTheRestWithoutIt()
    {
        var page = GuidanceLibrary.Parse("sexual", "en", "\uFEFF# Sexual exploitation \r\n\r\nFirst paragraph.\r\n");

        Assert.Equal("Sexual exploitation", page.Title);
        Assert.Equal("<p>First paragraph.</p>\n", page.Html);
    }
}
