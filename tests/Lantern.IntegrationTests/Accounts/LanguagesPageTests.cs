using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>The editors' page of where each translation stands (issue 13).</summary>
public sealed class LanguagesPageTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    [Fact]
    public async Task AnEditor_SeesEveryLanguage_WithItsMissingAndUnreviewedTexts()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);

        var page = await client.GetAsync("/staff/languages", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(24, page.Document.QuerySelectorAll("#languages tbody tr").Length);
        var arabic = page.Document.QuerySelector("#language-ar")!;
        Assert.Equal("العربية", arabic.QuerySelector("th span[lang=ar]")?.TextContent);
        Assert.StartsWith("0 /", arabic.QuerySelectorAll("td")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(arabic.QuerySelectorAll("td")[2].QuerySelector("details code"));
        Assert.Null(page.Document.QuerySelector("#language-en details"));
        Assert.StartsWith("0 /", page.Document.QuerySelector("#language-fr")!.QuerySelectorAll("td")[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("nav a[href='/staff/languages']"));
    }

    [Fact]
    public async Task AnAnalyst_IsRefused()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await client.GetAsync("/staff/languages", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Null(page.Document.QuerySelector("nav a[href='/staff/languages']"));
    }

    [Fact]
    public async Task TheBackOffice_StaysInACompleteLanguage_WhenTheBrowserAsksForArabic()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        client.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar, de;q=0.5");

        var page = await client.GetAsync("/staff/languages", Cancellation);

        Assert.Equal("de", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sprachen und Übersetzungen", page.Document.QuerySelector("main h1")?.TextContent);
    }
}
