using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Reporting.Api;

namespace Lantern.IntegrationTests.Privacy;

public sealed class PrivacyTestsOnSqlite(SqliteLanternFactory factory) : PrivacyTests<SqliteLanternFactory>(factory);

public sealed class PrivacyTestsOnPostgres(PostgresLanternFactory factory) : PrivacyTests<PostgresLanternFactory>(factory);

/// <summary>
/// Reports carrying unique marker strings in every free-text and identifying field go in through the API; then
/// every stored byte (the data directory's files: database, WAL, keys; on PostgreSQL every column value) and
/// every log message is searched for them, for the receipts, and for the visitor's address and user agent.
/// </summary>
public abstract class PrivacyTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const string ForwardedFor = "198.51.100.23";

    [Fact]
    public async Task SubmittedContent_ReceiptsAndVisitorAddresses_AreNowhereInStorageOrLogs()
    {
        var markers = new Markers();
        var secrets = new List<string>(markers.All)
        {
            LanternFactory.ClientAddress.ToString(),
            ForwardedFor,
        };
        var references = new List<string>();

        foreach (var role in new[] { "victim", "witness", "professional" })
        {
            var created = await SubmitAsync(markers.ReportJson(role), markers.UserAgent);
            references.Add(created.Reference);
            Assert.True(Lantern.Web.Platform.Crypto.Receipt.TryParse(created.Receipt, out var receipt));
            secrets.Add(created.Receipt);
            secrets.Add(receipt.Digits);
        }

        // The questionnaire path: answers travel between steps in an encrypted hidden field, never stored as a draft.
        var sent = await SubmitThroughTheFormsAsync(markers);
        references.Add(sent.Reference);
        secrets.Add(sent.Receipt);
        secrets.Add(sent.Receipt.Replace(" ", string.Empty, StringComparison.Ordinal));

        // Follow-up: messages both ways, contact details added later, a replaced receipt, the session ids.
        secrets.AddRange(await FollowUpAsync(sent.Receipt, sent.Reference, markers));

        // A refused report echoes the bad value back to its sender; it must still reach neither storage nor logs.
        using (var refused = await PostAsync(markers.RefusedReportJson(), markers.UserAgent))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // While the app runs: SQLite's recent writes are still in the WAL file.
        AssertNothingFound(await Factory.ReadStoredDataAsync(), secrets, references, "while running");

        await Factory.StopAppAsync();

        // After a clean stop: the WAL is checkpointed into the database file.
        AssertNothingFound(await Factory.ReadStoredDataAsync(), secrets, references, "after stopping");

        var logs = Factory.Logs.AllText();
        Assert.Contains("/api/v1/reports", logs, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO", logs, StringComparison.OrdinalIgnoreCase);
        Assert.True(Factory.Logs.Entries.Any(e => e.Level <= Microsoft.Extensions.Logging.LogLevel.Debug), "Debug and Trace messages are captured too");
        var leaked = secrets.Where(s => logs.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, "Found in the logs: " + string.Join(", ", leaked));
    }

    private static void AssertNothingFound(IReadOnlyList<StoredBytes> stored, List<string> secrets, List<string> references, string when)
    {
        // The scan must see what is really stored: the seeded organisations and the new reports' plaintext references.
        Assert.NotEmpty(StoredDataScan.Find(stored, ["PAG-ASA"]));
        Assert.All(references, reference => Assert.NotEmpty(StoredDataScan.Find(stored, [reference])));

        var found = StoredDataScan.Find(stored, secrets);
        Assert.True(found.Count == 0, $"Found in storage ({when}): {string.Join("; ", found)}");
    }

    private async Task<(string Reference, string Receipt)> SubmitThroughTheFormsAsync(Markers markers)
    {
        using var client = CreateBrowserClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", markers.UserAgent);
        var forms = new FormClient(client);
        var page = await forms.GetAsync("/nl/report/witness", Cancellation);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Check("signs", "debt").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Set("location.postcode", "9000")
            .Set("location.municipality", markers.Token("formMunicipality"))
            .Set("location.address", "Straat 2 " + markers.Token("formAddress"))
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Set("whenDetails", markers.Token("formWhen")).PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire").Set("people.descriptions", markers.Token("formPeople")).PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Set("entities.emails", "x." + markers.Token("formEmail") + "@example.com")
            .Set("entities.companies", markers.Token("formCompany") + " NV")
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Set("description", "Seen at night " + markers.Token("formDescription"))
            .Set("relationship", markers.Token("formRelationship"))
            .PressAsync("action", "next", Cancellation);
        page = await page.Form("#questionnaire")
            .Check("contactWanted", "yes")
            .Check("contact.channel", "email")
            .Set("contact.address", "me." + markers.Token("formContact") + "@example.org")
            .Set("contact.codeWord", markers.Token("formCodeWord"))
            .PressAsync("action", "next", Cancellation);
        Assert.Equal("review", page.Form("#questionnaire").Value("step"));
        var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);
        Assert.Equal("/nl/report/sent", sent.Url.AbsolutePath);
        return (sent.Document.QuerySelector("#reference")!.TextContent.Trim(), sent.Document.QuerySelector("#receipt")!.TextContent.Trim());
    }

    /// <summary>Uses the follow-up with marked texts; answers the secrets it handled (new receipt, session cookie and token).</summary>
    private async Task<List<string>> FollowUpAsync(string receipt, string reference, Markers markers)
    {
        using var raw = CreateClientWithoutRedirects();
        raw.DefaultRequestHeaders.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        raw.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", markers.UserAgent);
        var signIn = await new FormClient(raw).GetAsync("/nl/follow-up", Cancellation);
        var answer = await signIn.Form("main form").Set("receipt", receipt).SubmitAsync(Cancellation);
        var cookie = answer.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lantern.followup=", StringComparison.Ordinal)).Split(';')[0];

        using var browser = CreateBrowserClient();
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        var thread = await new FormClient(browser).GetAsync("/nl/follow-up/thread", Cancellation);
        thread = await thread.Form("#message-form").Set("text", "Nog iets " + markers.Token("followupMessage")).SubmitAsync(Cancellation);
        thread = await thread.Form("#message-form").Set("text", "Een foto " + markers.Token("followupFileText"))
            .Attach("file", "foto-" + markers.Token("followupFileName") + ".png", Lantern.IntegrationTests.Reporting.Files.TestFiles.Png()).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        thread = await thread.Form("#contact-form")
            .Check("contact.channel", "email")
            .Set("contact.address", "later." + markers.Token("followupContact") + "@example.org")
            .Set("contact.safeTimes", "ochtend " + markers.Token("followupSafeTimes"))
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        var replaced = await thread.Form("#receipt-form").SubmitAsync(Cancellation);
        var newReceipt = replaced.Document.QuerySelector("#new-receipt")!.TextContent.Trim();

        using var api = CreateClientWithoutRedirects();
        using var session = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/session", JsonSerializer.Serialize(new { receipt = newReceipt }), cancellationToken: Cancellation);
        var token = JsonDocument.Parse(await session.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("token").GetString()!;
        using (var posted = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/messages", JsonSerializer.Serialize(new { text = "Via de app " + markers.Token("apiMessage") }), token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var analyst = await StaffSessions.CreateAsync(Factory, Lantern.Web.Core.Access.StaffRoles.Analyst);
        var staffToken = await StaffSessions.TokenAsync(Factory, analyst);
        using (var form = new MultipartFormDataContent())
        {
            // The team's file in the thread: its text and its name are stored only encrypted too.
            form.Add(new StringContent("Adres " + markers.Token("staffFileText")), "text");
            form.Add(new ByteArrayContent(Lantern.IntegrationTests.Reporting.Files.TestFiles.Png()), "file", "adres-" + markers.Token("staffFileName") + ".png");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{reference}/messages/files") { Content = form };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", staffToken);
            using var sent = await api.SendAsync(request, Cancellation);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        using (var asked = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{reference}/messages", JsonSerializer.Serialize(new { text = "Vraag " + markers.Token("staffMessage") }), staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        // A referral withdrawn with a reason: the reason is stored only encrypted, and neither it nor the report's
        // content reaches the notice in the outbox.
        using (var referred = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{reference}/referrals", JsonSerializer.Serialize(new { organisation = "payoke", scope = "full" }), staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
            var referralId = JsonDocument.Parse(await referred.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetString();
            using var withdrawn = await FollowUpClient.PostJsonAsync(
                api, $"/api/v1/referrals/{referralId}/withdraw", JsonSerializer.Serialize(new { reason = "Verkeerd " + markers.Token("withdrawReason") }), staffToken, Cancellation);
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        Assert.True(Lantern.Web.Platform.Crypto.Receipt.TryParse(newReceipt, out var parsed));
        return [newReceipt, parsed.Digits, cookie.Split('=')[1], token];
    }

    private async Task<ReportCreated> SubmitAsync(string json, string userAgent)
    {
        using var response = await PostAsync(json, userAgent);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ReportCreated>(body, JsonSerializerOptions.Web)!;
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string userAgent)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        request.Headers.TryAddWithoutValidation("X-Real-IP", ForwardedFor);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept-Language", "nl-BE,nl;q=0.9");
        return await client.SendAsync(request, Cancellation);
    }

    /// <summary>Unique strings, one per field, that cannot occur by chance in ciphertext or seed data.</summary>
    private sealed class Markers
    {
        private static readonly string[] Labour = ["labour"];
        private static readonly string[] DocumentsAndDebt = ["documents", "debt"];

        private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

        public Markers()
        {
            foreach (var field in new[]
            {
                "description", "whenDetails", "municipality", "address", "ages", "languages", "descriptions", "relationship",
                "profession", "email", "url", "urlPath", "handle", "plate", "company", "contactEmail", "safeTimes", "codeWord",
                "userAgent", "refused", "formMunicipality", "formAddress", "formWhen", "formPeople", "formEmail", "formCompany",
                "formDescription", "formRelationship", "formContact", "formCodeWord",
                "followupMessage", "followupContact", "followupSafeTimes", "staffMessage", "apiMessage",
                "followupFileText", "followupFileName", "staffFileText", "staffFileName", "withdrawReason",
            })
            {
                _tokens[field] = "mk" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
            }

            // Phone numbers are digits only: a random Belgian mobile number, and its normalised forms below.
            PhoneDigits = RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
            PlateToken = "Q" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
        }

        public string PhoneDigits { get; }

        public string Token(string field) => _tokens[field];

        public string PlateToken { get; }

        public string UserAgent => "Mozilla/5.0 (X11; Linux x86_64) Marker/" + _tokens["userAgent"];

        public IEnumerable<string> All => _tokens.Values
            .Concat([PlateToken, "+32479" + PhoneDigits, "0479" + PhoneDigits, "479 " + PhoneDigits[..2] + " " + PhoneDigits[2..4] + " " + PhoneDigits[4..]]);

        public string ReportJson(string role) => JsonSerializer.Serialize(new
        {
            role,
            language = "nl",
            exploitationTypes = Labour,
            signs = DocumentsAndDebt,
            location = new { country = "BE", postcode = "9000", municipality = "Gent " + _tokens["municipality"], placeType = "home", address = "Straat 1 " + _tokens["address"] },
            when = "days",
            whenDetails = "Since " + _tokens["whenDetails"],
            people = new { count = 3, ages = "about 20 " + _tokens["ages"], languages = "Bulgarian " + _tokens["languages"], descriptions = "Short woman " + _tokens["descriptions"] },
            entities = new
            {
                phones = new[] { "0479 " + PhoneDigits[..2] + " " + PhoneDigits[2..4] + " " + PhoneDigits[4..] },
                emails = new[] { "boss." + _tokens["email"] + "@example.com" },
                urls = new[] { "https://www." + _tokens["url"] + ".example/" + _tokens["urlPath"], "@" + _tokens["handle"] },
                plates = new[] { "1-" + PlateToken },
                companies = new[] { _tokens["company"] + " Logistics BV" },
            },
            description = "They keep our passports. " + _tokens["description"] + "\nPlease help.",
            relationship = "neighbour " + _tokens["relationship"],
            profession = "social worker " + _tokens["profession"],
            contact = new { channel = "email", address = "me." + _tokens["contactEmail"] + "@example.org", safeTimes = "evenings " + _tokens["safeTimes"], mayLeaveMessage = false, codeWord = _tokens["codeWord"] },
        });

        public string RefusedReportJson() => JsonSerializer.Serialize(new
        {
            role = "witness",
            language = "nl",
            entities = new { emails = new[] { "not-an-address-" + _tokens["refused"] } },
            description = "Refused " + _tokens["refused"],
        });
    }
}
