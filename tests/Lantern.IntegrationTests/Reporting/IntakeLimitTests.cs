using System.Net;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting;

/// <summary>One report per client per minute, on a clock the tests move.</summary>
internal static class OneReportPerMinute
{
    public static IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:IntakePerClientPerMinute"] = "1",
    };
}

public sealed class OneReportPerMinuteSqliteFactory : SqliteClockFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => OneReportPerMinute.Values;
}

public sealed class OneReportPerMinutePostgresFactory : PostgresClockFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => OneReportPerMinute.Values;
}

public sealed class PerClientLimitTestsOnSqlite(OneReportPerMinuteSqliteFactory factory) : PerClientLimitTests<OneReportPerMinuteSqliteFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

public sealed class PerClientLimitTestsOnPostgres(OneReportPerMinutePostgresFactory factory) : PerClientLimitTests<OneReportPerMinutePostgresFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

/// <summary>
/// The per-client limit (docs/SECURITY.md, "Floods") meets people too: many share one address. The questionnaire keeps
/// every answer and says, in the page's language, to send again in a minute; the API says so in a localised problem;
/// both with Retry-After, nothing stored, and the same draft sends once the minute is over.
/// </summary>
public abstract class PerClientLimitTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly TextCatalogue _texts = new();

    protected abstract TestClock Clock { get; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();

        // Every test starts with this client's minute over, whatever the one before it sent.
        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TheQuestionnaireOverTheLimit_KeepsTheAnswers_SaysSoInThePagesLanguage_AndSendsAfterTheMinute()
    {
        var review = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Limite par connexion", Cancellation, language: "fr");
        var challenge = review.Form("#questionnaire").Value("challenge");
        using (var client = CreateClientWithoutRedirects())
        using (var first = await PostReportAsync(client, "fr"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var refused = await review.Form("#questionnaire").PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var retryAfter = refused.Response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("review", refused.Form("#questionnaire").Value("step"));
        Assert.Equal("fr", refused.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            _texts.Get("fr", "flood.too_many_here", _texts.Get("fr", "questionnaire.send")),
            refused.Document.QuerySelector("#send-too-many")?.TextContent.Trim());
        Assert.Contains("Limite par connexion", refused.Document.QuerySelectorAll("dd.answer").Select(d => d.TextContent.Trim()));
        Assert.Equal(challenge, refused.Form("#questionnaire").Value("challenge"));
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));

        // Once the minute the server announced is over, the page as it came back sends.
        Clock.Advance(retryAfter.Value);
        var sent = await refused.Form("#questionnaire").PressAsync("action", "send", Cancellation);

        Assert.Equal("/fr/report/sent", sent.Url.AbsolutePath);
        Assert.Equal(before.Reports + 1, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    [Fact]
    public async Task TheApiOverTheLimit_Answers429_WithRetryAfter_AndALocalisedProblem()
    {
        using var client = CreateClientWithoutRedirects();
        using (var first = await PostReportAsync(client, "nl"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var before = await ReportRows.CountAsync(Factory, Cancellation);

        using (var refused = await PostReportAsync(client, "nl"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(_texts.Get("nl", "api.too_many_reports"), problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
        Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await PostReportAsync(client, "nl");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = new StringContent($$"""{"role":"witness","language":"{{language}}","signs":["fear"],"description":"Per-client limit"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await client.SendAsync(request, Cancellation);
    }
}

/// <summary>One report stored at a time, and no line.</summary>
internal static class OneWriteNoQueue
{
    public static IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>
    {
        ["Lantern:RateLimits:ConcurrentReportWrites"] = "1",
        ["Lantern:RateLimits:ReportWriteQueue"] = "0",
    };
}

public sealed class OneWriteSqliteFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => OneWriteNoQueue.Values;
}

public sealed class OneWritePostgresFactory : PostgresLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => OneWriteNoQueue.Values;
}

public sealed class GlobalLimitTestsOnSqlite(OneWriteSqliteFactory factory) : GlobalLimitTests<OneWriteSqliteFactory>(factory);

public sealed class GlobalLimitTestsOnPostgres(OneWritePostgresFactory factory) : GlobalLimitTests<OneWritePostgresFactory>(factory);

/// <summary>
/// The global bound (docs/SECURITY.md, "Floods"): with one place to store a report and no line, a report held in its
/// write (the test holds the database's write lock) makes the next one be refused with 503 and Retry-After, its answers
/// kept and nothing of it stored; once the write goes through, the first report is stored whole and the refused one
/// sends as it came back.
/// </summary>
public abstract class GlobalLimitTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly TextCatalogue _texts = new();

    [Fact]
    public async Task WhileAReportIsBeingStored_TheNextIsRefusedWith503_AndItsAnswersKept_ThenBothAreStored()
    {
        var held = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Global limit: held", Cancellation);
        var next = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Limite globale", Cancellation, language: "fr");
        var challenge = next.Form("#questionnaire").Value("challenge");
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        HtmlPage refused;
        Task<HtmlPage> sending;
        await using (await WriteBlock.HoldAsync(Factory, Cancellation))
        {
            sending = held.Form("#questionnaire").PressAsync("action", "send", Cancellation);
            await WhileWritingAsync(sending);

            refused = await next.Form("#questionnaire").PressAsync("action", "send", Cancellation);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.Equal(IntakeWriteGate.RetryAfter, refused.Response.Headers.RetryAfter?.Delta);
            Assert.Equal("review", refused.Form("#questionnaire").Value("step"));
            Assert.Equal("fr", refused.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(
                _texts.Get("fr", "flood.busy", _texts.Get("fr", "questionnaire.send")),
                refused.Document.QuerySelector("#send-busy")?.TextContent.Trim());
            Assert.Contains("Limite globale", refused.Document.QuerySelectorAll("dd.answer").Select(d => d.TextContent.Trim()));

            // Refused before its challenge was spent: the page carries the same one.
            Assert.Equal(challenge, refused.Form("#questionnaire").Value("challenge"));
            Assert.False(sending.IsCompleted);
            Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
        }

        var sent = await sending;
        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        var afterFirst = await ReportRows.CountAsync(Factory, Cancellation);
        Assert.Equal(before.Reports + 1, afterFirst.Reports);
        Assert.Equal(before.Items + 1, afterFirst.Items);

        var sentAgain = await refused.Form("#questionnaire").PressAsync("action", "send", Cancellation);
        Assert.Equal("/fr/report/sent", sentAgain.Url.AbsolutePath);
        Assert.Equal(before.Reports + 2, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    [Fact]
    public async Task WhileAReportIsBeingStored_TheApiAnswers503_WithRetryAfter_AndALocalisedProblem()
    {
        using var client = CreateClientWithoutRedirects();
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        Task<HttpResponseMessage> sending;
        await using (await WriteBlock.HoldAsync(Factory, Cancellation))
        {
            sending = PostReportAsync(client, "en");
            await WhileWritingAsync(sending);

            using var refused = await PostReportAsync(client, "de");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(IntakeWriteGate.RetryAfter, refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(_texts.Get("de", "api.busy"), problem.RootElement.GetProperty("title").GetString());
            Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
        }

        using (var created = await sending)
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var again = await PostReportAsync(client, "de");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(before.Reports + 2, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    /// <summary>Waits until the send holds the one place to store a report (it cannot finish while the write is held).</summary>
    private async Task WhileWritingAsync(Task sending)
    {
        var gate = Factory.Services.GetRequiredService<IntakeWriteGate>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (gate.Writing == 0)
        {
            Assert.False(sending.IsCompleted, "The send finished without taking a place to store its report.");
            Assert.True(DateTime.UtcNow < deadline, "The send never took a place to store its report.");
            await Task.Delay(20, Cancellation);
        }
    }

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = new StringContent($$"""{"role":"witness","language":"{{language}}","signs":["fear"],"description":"Global limit"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await client.SendAsync(request, Cancellation);
    }
}
