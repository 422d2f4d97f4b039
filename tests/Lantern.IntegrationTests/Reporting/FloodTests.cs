using System.Net;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Web.Floods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting;

/// <summary>The flood settings of these tests: a wait without JavaScript, the API's proof required, an easy difficulty.</summary>
internal static class FloodSettings
{
    public const int WaitSeconds = 30;
    public const int LifetimeMinutes = 60;
    public const int Difficulty = 8;

    public static IReadOnlyDictionary<string, string?> Values => new Dictionary<string, string?>
    {
        ["Lantern:Flood:NoScriptWaitSeconds"] = WaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lantern:Flood:ChallengeLifetimeMinutes"] = LifetimeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lantern:Flood:Difficulty"] = Difficulty.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lantern:Flood:ApiProofOfWork"] = "true",
    };
}

public sealed class FloodSqliteFactory : SqliteClockFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => FloodSettings.Values;
}

public sealed class FloodPostgresFactory : PostgresClockFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => FloodSettings.Values;
}

public sealed class FloodTestsOnSqlite(FloodSqliteFactory factory) : FloodTests<FloodSqliteFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

public sealed class FloodTestsOnPostgres(FloodPostgresFactory factory) : FloodTests<FloodPostgresFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

/// <summary>
/// The proof-of-work challenge (docs/SECURITY.md, "Floods") on the questionnaire and the API: a solved challenge lets a
/// report in at once, an unsolved one only after the wait a person needs anyway, and a wrong, forged, expired or reused
/// one is refused with a localised message, the answers kept and nothing stored.
/// </summary>
public abstract class FloodTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly TextCatalogue _texts = new();

    private const string Report = """{"role":"witness","language":"en","signs":["fear"],"description":"Flood test report"}""";

    protected abstract TestClock Clock { get; }

    [Fact]
    public async Task SendingAtOnce_WithoutJavaScript_IsRefusedWithTheMessage_ThenGoesThroughOnceAPersonWouldHaveTakenThatLong()
    {
        var review = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Flood test: sent too soon", Cancellation);
        var challenge = review.Form("#questionnaire").Value("challenge");
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var refused = await review.Form("#questionnaire").PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        AssertRefusedOnTheReviewStep(refused, "en", "Flood test: sent too soon");
        Assert.Equal(challenge, refused.Form("#questionnaire").Value("challenge"));
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));

        // The challenge was issued on the first step: once a person's time has passed, the same page sends.
        Clock.Advance(TimeSpan.FromSeconds(FloodSettings.WaitSeconds + 1));
        var sent = await refused.Form("#questionnaire").PressAsync("action", "send", Cancellation);

        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        Assert.Equal(before.Reports + 1, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    [Fact]
    public async Task ASolvedChallenge_SendsAtOnce_AndOnlyOnce()
    {
        var review = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Flood test: solved", Cancellation);
        var challenge = review.Form("#questionnaire").Value("challenge")!;
        var proof = ChallengeSolver.Solve(challenge, FloodSettings.Difficulty);
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var sent = await review.Form("#questionnaire").Set("proof", proof).PressAsync("action", "send", Cancellation);

        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        Assert.Equal(before.Reports + 1, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);

        // The same solution again (a replayed post: same draft, same challenge, same proof) is refused.
        var replayed = await review.Form("#questionnaire").Set("proof", proof).PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, replayed.Status);
        AssertRefusedOnTheReviewStep(replayed, "en", "Flood test: solved");
        Assert.NotEqual(challenge, replayed.Form("#questionnaire").Value("challenge"));
        Assert.Equal(before.Reports + 1, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    [Fact]
    public async Task AWrongAnswer_AForgedOrAMissingChallenge_IsRefusedInThePagesLanguage_AndNothingIsStored()
    {
        var review = await ReachFrenchReviewAsync();
        var challenge = review.Form("#questionnaire").Value("challenge")!;
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var wrong = await review.Form("#questionnaire").Set("proof", ChallengeSolver.Wrong(challenge, FloodSettings.Difficulty)).PressAsync("action", "send", Cancellation);
        Assert.Equal(HttpStatusCode.TooManyRequests, wrong.Status);
        AssertRefusedOnTheReviewStep(wrong, "fr", "Test de flot");

        // One character changed: the HMAC no longer matches.
        var forgedToken = (challenge[0] == 'A' ? "B" : "A") + challenge[1..];
        var forged = await review.Form("#questionnaire").Set("challenge", forgedToken).Set("proof", ChallengeSolver.Solve(forgedToken, FloodSettings.Difficulty)).PressAsync("action", "send", Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        AssertRefusedOnTheReviewStep(forged, "fr", "Test de flot");
        Assert.NotEqual(forgedToken, forged.Form("#questionnaire").Value("challenge"));

        var missing = await review.Form("#questionnaire").Remove("challenge").PressAsync("action", "send", Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        AssertRefusedOnTheReviewStep(missing, "fr", "Test de flot");

        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    [Fact]
    public async Task AnExpiredChallenge_IsRefused_AndThePageCarriesANewOneThatSends()
    {
        var review = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "Flood test: expired", Cancellation);
        var challenge = review.Form("#questionnaire").Value("challenge")!;
        var before = await ReportRows.CountAsync(Factory, Cancellation);
        Clock.Advance(TimeSpan.FromMinutes(FloodSettings.LifetimeMinutes + 1));

        var refused = await review.Form("#questionnaire").Set("proof", ChallengeSolver.Solve(challenge, FloodSettings.Difficulty)).PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        AssertRefusedOnTheReviewStep(refused, "en", "Flood test: expired");
        var renewed = refused.Form("#questionnaire").Value("challenge")!;
        Assert.NotEqual(challenge, renewed);
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));

        var sent = await refused.Form("#questionnaire").Set("proof", ChallengeSolver.Solve(renewed, FloodSettings.Difficulty)).PressAsync("action", "send", Cancellation);
        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
    }

    [Fact]
    public async Task TheApi_WithoutAProof_Answers400SayingHow_InTheCallersLanguage_AndStoresNothing()
    {
        using var client = CreateClientWithoutRedirects();
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        using var response = await PostReportAsync(client, Report, proof: null, acceptLanguage: "fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(_texts.Get("fr", "api.proof_required", ProofOfWork.Header), problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("/api/v1/challenge", problem.RootElement.GetProperty("challenge").GetString());
        Assert.Equal(ProofOfWork.Header, problem.RootElement.GetProperty("header").GetString());
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    [Fact]
    public async Task TheApi_WithASolvedChallenge_Answers201_AndTheSameProofAgainIsRefused()
    {
        using var client = CreateClientWithoutRedirects();
        var (challenge, difficulty) = await GetChallengeAsync(client);
        Assert.Equal(FloodSettings.Difficulty, difficulty);
        var proof = challenge + ":" + ChallengeSolver.Solve(challenge, difficulty);
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        // Content the validator refuses does not spend the proof: the client corrects it and sends again with it.
        using (var invalid = await PostReportAsync(client, """{"role":"nobody","language":"en"}""", proof))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("\"errors\"", await invalid.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        }

        using (var created = await PostReportAsync(client, Report, proof))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var replayed = await PostReportAsync(client, Report, proof))
        {
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
            using var problem = JsonDocument.Parse(await replayed.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(_texts.Get("en", "api.proof_used"), problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(before.Reports + 1, (await ReportRows.CountAsync(Factory, Cancellation)).Reports);
    }

    [Fact]
    public async Task TheApi_RefusesAWrongAForgedAndAnExpiredProof()
    {
        using var client = CreateClientWithoutRedirects();
        var (challenge, difficulty) = await GetChallengeAsync(client);
        var forgedToken = (challenge[^1] == 'A' ? challenge[..^1] + "B" : challenge[..^1] + "A");
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        foreach (var proof in new[] { challenge + ":" + ChallengeSolver.Wrong(challenge, difficulty), forgedToken + ":" + ChallengeSolver.Solve(forgedToken, difficulty), challenge, "not a proof" })
        {
            using var response = await PostReportAsync(client, Report, proof);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(_texts.Get("en", "api.proof_required", ProofOfWork.Header), problem.RootElement.GetProperty("title").GetString());
        }

        Clock.Advance(TimeSpan.FromMinutes(FloodSettings.LifetimeMinutes + 1));
        using (var expired = await PostReportAsync(client, Report, challenge + ":" + ChallengeSolver.Solve(challenge, difficulty)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
            using var problem = JsonDocument.Parse(await expired.Content.ReadAsStringAsync(Cancellation));
            Assert.Equal(_texts.Get("en", "api.proof_used"), problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    [Fact]
    public async Task SpentChallenges_AreForgottenOnceTheyHaveExpired()
    {
        using var client = CreateClientWithoutRedirects();
        var (challenge, difficulty) = await GetChallengeAsync(client);
        using (var created = await PostReportAsync(client, Report, challenge + ":" + ChallengeSolver.Solve(challenge, difficulty)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var nonce = Factory.Services.GetRequiredService<ProofOfWork>().Read(challenge)!.Nonce;
        Assert.Equal(1, await CountSpentAsync(nonce));

        Clock.Advance(TimeSpan.FromMinutes(FloodSettings.LifetimeMinutes + 1));
        await using (var scope = Factory.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<SpentChallenges>().ForgetExpiredAsync(Cancellation) >= 1);
        }

        Assert.Equal(0, await CountSpentAsync(nonce));
    }

    private Task<int> CountSpentAsync(byte[] nonce) =>
        Factory.WithDbAsync(db => db.Set<SpentChallenge>().CountAsync(c => c.Nonce == nonce, Cancellation));

    private async Task<HtmlPage> ReachFrenchReviewAsync()
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await forms.GetAsync("/fr/report/witness", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("signs", "documents").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
        for (var step = page.Form("#questionnaire").Value("step"); step != "review"; step = page.Form("#questionnaire").Value("step"))
        {
            var form = page.Form("#questionnaire");
            if (step == "account")
            {
                form.Set("description", "Test de flot");
            }

            page = await form.PressAsync("action", "next", Cancellation);
        }

        return page;
    }

    /// <summary>The review step again, with the message to wait and send again in the page's language, and every answer still there.</summary>
    private static void AssertRefusedOnTheReviewStep(HtmlPage page, string language, string description)
    {
        Assert.Equal("review", page.Form("#questionnaire").Value("step"));
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        var expected = _texts.Get(language, "flood.send_again", _texts.Get(language, "questionnaire.send"));
        Assert.Equal(expected, page.Document.QuerySelector("#send-too-soon")?.TextContent.Trim());
        Assert.Contains(description, page.Document.QuerySelectorAll("dd.answer").Select(d => d.TextContent.Trim()));
    }

    private async Task<(string Challenge, int Difficulty)> GetChallengeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/challenge", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ProofOfWork.Header, body.RootElement.GetProperty("header").GetString());
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > Clock.GetUtcNow());
        return (body.RootElement.GetProperty("challenge").GetString()!, body.RootElement.GetProperty("difficulty").GetInt32());
    }

    private static async Task<HttpResponseMessage> PostReportAsync(HttpClient client, string json, string? proof, string acceptLanguage = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (proof is not null)
        {
            request.Headers.TryAddWithoutValidation(ProofOfWork.Header, proof);
        }

        return await client.SendAsync(request, Cancellation);
    }
}

public sealed class ApiWithoutProofOfWorkTestsOnSqlite(SqliteLanternFactory factory) : ApiWithoutProofOfWorkTests<SqliteLanternFactory>(factory);

public sealed class ApiWithoutProofOfWorkTestsOnPostgres(PostgresLanternFactory factory) : ApiWithoutProofOfWorkTests<PostgresLanternFactory>(factory);

/// <summary><c>Lantern:Flood:ApiProofOfWork</c> off (the default): existing API clients send reports as before.</summary>
public abstract class ApiWithoutProofOfWorkTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AReportWithoutAProof_IsCreated_AndAChallengeCanStillBeHad()
    {
        using var client = CreateClientWithoutRedirects();
        using var content = new StringContent("""{"role":"witness","language":"en","signs":["fear"]}""", Encoding.UTF8, "application/json");

        using var created = await client.PostAsync(new Uri("/api/v1/reports", UriKind.Relative), content, Cancellation);
        using var challenge = await client.GetAsync(new Uri("/api/v1/challenge", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
    }
}
