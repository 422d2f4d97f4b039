using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Platform;

/// <summary>
/// The home page is rendered once per language and then served from memory (an <c>Age</c> header says so), with every
/// security header still on it; a query string does not make a new entry; a signed-in staff member always gets a
/// fresh rendering (nothing stored is served to, or from, an authenticated request).
/// </summary>
public sealed class SharedPageCacheTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    [Fact]
    public async Task TheHomePage_IsRenderedOncePerLanguage_AndServedFromMemoryAfterwards()
    {
        using var client = CreateBrowserClient();

        var first = await GetAsync(client, "/nl/");
        var again = await GetAsync(client, "/nl/");
        var withQuery = await GetAsync(client, "/nl/?utm=1");
        var french = await GetAsync(client, "/fr/");

        Assert.Null(first.Age);
        Assert.NotNull(again.Age);
        Assert.NotNull(withQuery.Age);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(first.Body, withQuery.Body);
        Assert.Null(french.Age);
        Assert.Contains("<html lang=\"fr\"", french.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", again.Body, StringComparison.Ordinal);
        Assert.All([first, again, withQuery, french], page => Assert.Equal("DENY", page.FrameOptions));
        Assert.All([first, again, withQuery, french], page => Assert.False(page.SetsCookie));
    }

    [Fact]
    public async Task ASignedInStaffMember_IsNeverServedAStoredPage()
    {
        using var visitor = CreateBrowserClient();
        await GetAsync(visitor, "/de/");
        Assert.NotNull((await GetAsync(visitor, "/de/")).Age);

        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await GetAsync(staff.Client, "/de/");

        Assert.Null(page.Age);
    }

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Answer(
            await response.Content.ReadAsStringAsync(Cancellation),
            response.Headers.Age,
            string.Join(",", response.Headers.TryGetValues("X-Frame-Options", out var frame) ? frame : []),
            response.Headers.Contains("Set-Cookie"));
    }

    private sealed record Answer(string Body, TimeSpan? Age, string FrameOptions, bool SetsCookie);
}
