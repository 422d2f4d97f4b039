using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>The restricted guidance pages, as a professional reads them.</summary>
public abstract class GuidancePageTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AProfessional_ReadsEachFormsGuide_InEachLanguage()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Professional);
        var index = await client.GetAsync("/staff/guidance/nl", Cancellation);
        var links = index.Document.QuerySelectorAll("main ul[lang=nl] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(7, links.Count);

        foreach (var language in new[] { "fr", "nl", "de", "en" })
        {
            var page = await client.GetAsync($"/staff/guidance/{language}/labour", Cancellation);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(language, page.Document.QuerySelector("article")!.GetAttribute("lang"));
            Assert.Contains("078 055 800", page.Document.QuerySelector("article")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownGuideOrLanguage_IsNotFound()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Professional);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/guidance/fr/nothing", Cancellation)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/guidance/xx/labour", Cancellation)).Status);
    }
}

public sealed class GuidancePageTestsOnSqlite(SqliteLanternFactory factory) : GuidancePageTests<SqliteLanternFactory>(factory);

public sealed class GuidancePageTestsOnPostgres(PostgresLanternFactory factory) : GuidancePageTests<PostgresLanternFactory>(factory);
