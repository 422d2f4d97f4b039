using System.Net;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.TestSupport;
using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.Platform;
using Lantern.Web.Reporting.Questionnaire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Platform;

public sealed class EscapeTestsOnSqlite(SqliteLanternFactory factory) : EscapeTests<SqliteLanternFactory>(factory);

public sealed class EscapeTestsOnPostgres(PostgresLanternFactory factory) : EscapeTests<PostgresLanternFactory>(factory);

/// <summary>
/// Escape (the link without JavaScript: GET; the page in the background with JavaScript: POST) and the thread's
/// sign-out end what the reporter's visit left, on the server and in the browser: the follow-up session and the
/// receipt page no longer open, even for a copy of the old cookies, and every cookie is expired.
/// </summary>
public abstract class EscapeTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("sign-out")]
    public async Task LeavingEndsTheThreadAndTheReceiptPage_OnTheServerAndInTheBrowser(string how)
    {
        var visit = await VisitAsync();

        // What site.js sends in the background is a POST without body or antiforgery token: ending one's own visit needs no proof.
        using var answer = how switch
        {
            "GET" => await visit.Reporter.Client.GetAsync(new Uri("/escape", UriKind.Relative), Cancellation),
            "POST" => await visit.Reporter.Client.PostAsync(new Uri("/escape", UriKind.Relative), content: null, Cancellation),
            _ => (await visit.Thread.Form("#sign-out-form").SubmitAsync(Cancellation)).Response,
        };

        var (status, location) = how switch
        {
            "GET" => (HttpStatusCode.SeeOther, Factory.Services.GetRequiredService<IOptions<LanternOptions>>().Value.EscapeUrl),
            "POST" => (HttpStatusCode.NoContent, null),
            _ => (HttpStatusCode.Redirect, "/en/follow-up?notice=signed-out"),
        };
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(location, answer.Headers.Location?.ToString());
        Assert.Equal("\"cache\", \"cookies\", \"storage\"", Assert.Single(answer.Headers.GetValues("Clear-Site-Data")));
        Assert.Contains("no-store", answer.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // In the browser: every cookie it sent is expired, once each.
        var expired = SetCookies(answer).Where(c => c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)).Select(c => c.Split('=')[0]).ToList();
        Assert.Equal(expired.Distinct().Count(), expired.Count);
        Assert.Contains(FollowUpCookie.Name, expired);
        Assert.Contains(SentReportCookie.Name, expired);
        Assert.Contains("lantern.af", expired);
        var thread = await visit.Reporter.GetAsync("/en/follow-up/thread", Cancellation);
        Assert.Equal("/en/follow-up", thread.Response.Headers.Location?.ToString());
        var sent = await visit.Reporter.GetAsync("/en/report/sent", Cancellation);
        Assert.Equal("/en/", sent.Response.Headers.Location?.ToString());

        // On the server: copies of the old cookies open nothing either.
        Assert.False(await ReporterSessionProbe.OpensAsync(Factory.Services, visit.SessionId, ReporterSessionKind.Page));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync("/en/follow-up/thread", FollowUpCookie.Name, visit.SessionId));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync("/en/report/sent", SentReportCookie.Name, visit.SentCookie));
    }

    [Fact]
    public async Task KeepingTheReceipt_EndsTheReceiptPage_ForACopyOfTheCookieToo()
    {
        var visit = await VisitAsync();
        var receiptPage = await visit.Reporter.GetAsync("/en/report/sent", Cancellation);

        var done = await receiptPage.Form("main form").Check("saved", "yes").SubmitAsync(Cancellation);

        Assert.Equal("/en/report/done", done.Response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync("/en/report/sent", SentReportCookie.Name, visit.SentCookie));

        // Confirming the receipt leaves the follow-up session alone.
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/en/follow-up/thread", FollowUpCookie.Name, visit.SessionId));
    }

    [Fact]
    public async Task AnAppSigningOut_EndsItsTokenAtOnce()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        using var app = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(app, report.Receipt, Cancellation);
        using (var open = await FollowUpClient.GetAsync(app, "/api/v1/followup/thread", token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/followup/session");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var ended = await app.SendAsync(request, Cancellation);
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        using var closed = await FollowUpClient.GetAsync(app, "/api/v1/followup/thread", token, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.False(await ReporterSessionProbe.OpensAsync(Factory.Services, token, ReporterSessionKind.Api));
    }

    /// <summary>
    /// A reporter signed in to follow-up who has also just sent a report through the questionnaire (so the receipt page
    /// is open), with the raw values of both cookies, checked to open the thread and the receipt page as they are.
    /// </summary>
    private async Task<Visit> VisitAsync()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateClientWithoutRedirects());
        var signedIn = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        var sessionId = CookieValue(signedIn, FollowUpCookie.Name);
        var thread = await reporter.GetAsync(signedIn.Response.Headers.Location!.ToString(), Cancellation);
        Assert.Equal(HttpStatusCode.OK, thread.Status);

        var page = await reporter.GetAsync("/en/report/victim", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("signs", "fear").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
        while (page.Form("#questionnaire").Value("step") != "review")
        {
            page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
        }

        var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);
        Assert.Equal("/en/report/sent", sent.Response.Headers.Location?.ToString());
        var sentCookie = CookieValue(sent, SentReportCookie.Name);

        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/en/follow-up/thread", FollowUpCookie.Name, sessionId));
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/en/report/sent", SentReportCookie.Name, sentCookie));
        return new Visit(reporter, thread, sessionId, sentCookie);
    }

    /// <summary>The status of <paramref name="path"/> for a client that holds nothing but this one cookie.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(string path, string name, string value)
    {
        using var client = CreateClientWithoutRedirects();
        client.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        return response.StatusCode;
    }

    private static string CookieValue(HtmlPage page, string name) =>
        SetCookies(page.Response).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0][(name.Length + 1)..];

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private sealed record Visit(FormClient Reporter, HtmlPage Thread, string SessionId, string SentCookie);
}

/// <summary>Lantern with every client limited to five requests a minute.</summary>
public sealed class LowRequestLimitFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:RequestsPerClientPerMinute"] = "5",
    };
}

/// <summary>Leaving is never refused: a client over its request limit still escapes.</summary>
public sealed class EscapeRateLimitTests(LowRequestLimitFactory factory) : LanternTestBase<LowRequestLimitFactory>(factory)
{
    [Fact]
    public async Task AClientOverItsRequestLimit_StillEscapes()
    {
        using var client = CreateClientWithoutRedirects();
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 6; i++)
        {
            using var page = await client.GetAsync(new Uri("/en/", UriKind.Relative), Cancellation);
            statuses.Add(page.StatusCode);
            retryAfter = page.Headers.RetryAfter?.Delta;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // When to come back: within the one-minute window, never "now".
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);

        using var link = await client.GetAsync(new Uri("/escape", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.SeeOther, link.StatusCode);
        using var background = await client.PostAsync(new Uri("/escape", UriKind.Relative), content: null, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, background.StatusCode);
    }
}
