using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.TestSupport;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Audit;
using Lantern.Web.Core.Reports;
using Lantern.Web.FollowUp.Sessions;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.FollowUp;

public sealed class FollowUpTestsOnSqlite(SqliteLanternFactory factory) : FollowUpTests<SqliteLanternFactory>(factory);

public sealed class FollowUpTestsOnPostgres(PostgresLanternFactory factory) : FollowUpTests<PostgresLanternFactory>(factory);

/// <summary>
/// The reporter's return with the receipt and the thread with the team, through the pages as a browser without
/// JavaScript uses them and through the API, on both databases.
/// </summary>
public abstract class FollowUpTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AWrongReceipt_GetsTheSameAnswer_WhetherOrNotAReportExists()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var answers = new List<(HttpStatusCode Status, string Main)>();
        foreach (var attempt in new[] { FollowUpClient.Altered(report.Receipt), Receipt.Generate().ToString(), "not a receipt", string.Empty })
        {
            var client = new FormClient(CreateClientWithoutRedirects());
            var page = await FollowUpClient.SignInAsync(client, attempt, cancellationToken: Cancellation);
            Assert.Equal("/en/follow-up", page.Url.AbsolutePath);
            Assert.DoesNotContain(SetCookies(page), c => c.StartsWith(FollowUpCookie.Name, StringComparison.Ordinal));

            // The antiforgery token differs on every page: compare everything else the reporter sees.
            var main = page.Document.QuerySelector("main")!;
            foreach (var token in main.QuerySelectorAll("input[type=hidden]"))
            {
                token.Remove();
            }

            answers.Add((page.Status, main.InnerHtml));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Main, a.Main));
        Assert.Contains("We could not open a report with this code", answers[0].Main, StringComparison.Ordinal);

        // The API: one 401 body for all.
        using var api = CreateClientWithoutRedirects();
        var bodies = new List<string>();
        foreach (var attempt in new[] { FollowUpClient.Altered(report.Receipt), Receipt.Generate().ToString(), "x" })
        {
            using var response = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/session", JsonSerializer.Serialize(new { receipt = attempt }), cancellationToken: Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement;
            bodies.Add(problem.GetProperty("title").GetString() + "|" + problem.GetProperty("status").GetInt32());
        }

        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    [Fact]
    public async Task TheHomePage_LeadsToFollowUp_InEveryLanguage_AndTheSignInPageIsPrivate()
    {
        foreach (var language in new[] { "en", "fr", "nl", "de" })
        {
            var client = new FormClient(CreateBrowserClient());
            var home = await client.GetAsync($"/{language}", Cancellation);
            Assert.Equal($"/{language}/follow-up", home.Document.QuerySelector("#follow-up")!.GetAttribute("href"));
            var page = await client.GetAsync($"/{language}/follow-up", Cancellation);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(page.Document.QuerySelector("#escape"));
            Assert.Contains("no-store", page.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheReporter_SignsIn_ReadsTheAcknowledgement_AndTheThreadGoesBothWays()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateBrowserClient());

        var (thread, cookie) = await SignInShowingTheCookieAsync(reporter, report.Receipt);
        Assert.Equal("/en/follow-up/thread", thread.Url.AbsolutePath);
        Assert.Equal(report.Reference, thread.Document.QuerySelector("#reference")!.TextContent.Trim());
        Assert.Contains("Received", thread.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thank you for your report", thread.Html, StringComparison.Ordinal);
        Assert.Contains("no-store", thread.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);

        // The team asks a question from the report page.
        var (analyst, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var reportPage = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        var asked = await reportPage.Form("#reporter-message-form").Set("text", "Where does this happen?").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.NotNull(asked.Document.QuerySelector("#message-sent"));
        Assert.Contains("Where does this happen?", asked.Document.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
        var afterQuestion = await ReportAsync(report.Reference);
        Assert.NotNull(afterQuestion.FirstReplyAt);
        Assert.Contains(await AuditAsync(report.Reference, "report.message"), e => e.Actor == analyst.Id.ToString() && !e.Detail.Contains("Where", StringComparison.Ordinal));

        // The reporter reads it, marked new, without the analyst's name, then answers.
        thread = await reporter.GetAsync("/en/follow-up/thread", Cancellation);
        var question = thread.Document.QuerySelectorAll("#messages li.message.team.new").Single();
        Assert.Contains("Where does this happen?", question.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(analyst.Email, thread.Html, StringComparison.OrdinalIgnoreCase);
        thread = await reporter.GetAsync("/en/follow-up/thread", Cancellation);
        Assert.Empty(thread.Document.QuerySelectorAll("#messages li.message.new"));

        var answered = await thread.Form("#message-form").Set("text", "In Brussels, near the station.").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.NotNull(answered.Document.QuerySelector("#done"));
        Assert.Contains("In Brussels, near the station.", answered.Document.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
        var afterAnswer = await ReportAsync(report.Reference);
        Assert.True(afterAnswer.UnreadFromReporter);
        Assert.NotNull(afterAnswer.ReporterActiveAt);

        // The inbox marks it unread (and the unread filter finds it); opening the report clears the mark.
        var inbox = await staff.GetAsync("/staff/inbox?unread=yes&status=all", Cancellation);
        var row = inbox.Document.QuerySelector($"tr[data-reference='{report.Reference}']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector(".badge.unread"));
        var read = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.Contains("In Brussels, near the station.", read.Document.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
        Assert.False((await ReportAsync(report.Reference)).UnreadFromReporter);
        inbox = await staff.GetAsync("/staff/inbox?unread=yes&status=all", Cancellation);
        Assert.Null(inbox.Document.QuerySelector($"tr[data-reference='{report.Reference}']"));
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_AndTheThreadAsksForTheReceiptAgain()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateBrowserClient());
        var (thread, cookie) = await SignInShowingTheCookieAsync(reporter, report.Receipt);
        var sessionId = cookie.Split(';')[0].Split('=')[1];
        Assert.True(await ReporterSessionProbe.OpensAsync(Factory.Services, sessionId, ReporterSessionKind.Page));

        var signedOut = await thread.Form("#sign-out-form").SubmitAsync(Cancellation);

        Assert.Equal("/en/follow-up", signedOut.Url.AbsolutePath);
        Assert.NotNull(signedOut.Document.QuerySelector("#notice"));
        Assert.False(await ReporterSessionProbe.OpensAsync(Factory.Services, sessionId, ReporterSessionKind.Page));
        var again = await reporter.GetAsync("/en/follow-up/thread", Cancellation);
        Assert.Equal("/en/follow-up", again.Url.AbsolutePath);
        Assert.DoesNotContain(report.Reference, again.Html, StringComparison.Ordinal);

        // A session id from elsewhere (or ended) opens nothing either.
        using var forged = CreateClientWithoutRedirects();
        forged.DefaultRequestHeaders.Add("Cookie", $"{FollowUpCookie.Name}={sessionId}");
        using var response = await forged.GetAsync(new Uri("/en/follow-up/thread", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheThread_RoundTrips_ThroughTheApi_AndTokensCannotBeSwapped()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);
        Assert.StartsWith("lfu_", token, StringComparison.Ordinal);
        var (analyst, _) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var staffToken = await StaffSessions.TokenAsync(Factory, analyst);

        using (var sent = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/messages", """{"text":"Are you safe now?"}""", staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            Assert.True(JsonDocument.Parse(await sent.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetInt64() > 0);
        }

        using (var thread = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
            var root = JsonDocument.Parse(await thread.Content.ReadAsStringAsync(Cancellation)).RootElement;
            Assert.Equal(report.Reference, root.GetProperty("reference").GetString());
            Assert.Equal("received", root.GetProperty("status").GetString());
            var messages = root.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(2, messages.Count);
            Assert.Contains("Thank you for your report", messages[0].GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("team", messages[1].GetProperty("from").GetString());
            Assert.Equal("Are you safe now?", messages[1].GetProperty("text").GetString());
            Assert.True(messages[1].GetProperty("new").GetBoolean());
            Assert.DoesNotContain(analyst.Email, messages[1].GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        using (var answered = await FollowUpClient.PostJsonAsync(api, "/api/v1/followup/messages", """{"text":"Yes, for now."}""", token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        using (var detail = await FollowUpClient.GetAsync(api, $"/api/v1/reports/{report.Reference}", staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        }

        Assert.Equal(["Are you safe now?", "Yes, for now."], await MessagesAsync(report.Reference));

        // The staff inbox API carries the follow-up marks and filters on them.
        using (var unread = await FollowUpClient.GetAsync(api, "/api/v1/reports?status=all&unread=yes&limit=200", staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, unread.StatusCode);
            var items = JsonDocument.Parse(await unread.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("items").EnumerateArray().ToList();
            var item = Assert.Single(items, i => i.GetProperty("reference").GetString() == report.Reference);
            Assert.True(item.GetProperty("unreadFromReporter").GetBoolean());
            Assert.False(item.GetProperty("firstReplyOverdue").GetBoolean());
            Assert.NotEqual(JsonValueKind.Null, item.GetProperty("firstReplyAt").ValueKind);
            Assert.All(items, i => Assert.True(i.GetProperty("unreadFromReporter").GetBoolean()));
        }

        // Neither kind of token opens the other side.
        using (var swapped = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, swapped.StatusCode);
        }

        using (var swapped = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/messages", """{"text":"x"}""", token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, swapped.StatusCode);
        }

        using (var none = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        }

        // A partner caseworker never reaches the thread, referred or not: 404.
        var (partner, _) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");
        var partnerToken = await StaffSessions.TokenAsync(Factory, partner);
        await Triage.SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "payoke", "full");
        using (var refused = await FollowUpClient.PostJsonAsync(api, $"/api/v1/reports/{report.Reference}/messages", """{"text":"x"}""", partnerToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var unknown = await FollowUpClient.PostJsonAsync(api, "/api/v1/reports/LT-0000-0000/messages", """{"text":"x"}""", staffToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Equal(2, (await MessagesAsync(report.Reference)).Count);
    }

    [Fact]
    public async Task EmptyAndOneMegabyteMessages_AreRefused_OnBothSides_AndNothingIsStored()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var huge = new string('a', 1_000_000);
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);

        var empty = await thread.Form("#message-form").Set("text", "  \n ").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("Please write your message.", empty.Document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var tooLong = await thread.Form("#message-form").Set("text", huge).SubmitAsync(Cancellation);
        Assert.True(tooLong.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, tooLong.Status.ToString());
        var control = await thread.Form("#message-form").Set("text", "bell \u0007").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, control.Status);

        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);
        var (analyst, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var staffToken = await StaffSessions.TokenAsync(Factory, analyst);
        foreach (var (path, bearer) in new[] { ("/api/v1/followup/messages", token), ($"/api/v1/reports/{report.Reference}/messages", staffToken) })
        {
            using var blank = await FollowUpClient.PostJsonAsync(api, path, """{"text":""}""", bearer, Cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            Assert.Equal("application/problem+json", blank.Content.Headers.ContentType?.MediaType);
            using var missing = await FollowUpClient.PostJsonAsync(api, path, "{}", bearer, Cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            using var big = await FollowUpClient.PostJsonAsync(api, path, JsonSerializer.Serialize(new { text = huge }), bearer, Cancellation);
            Assert.True(big.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, big.StatusCode.ToString());
            using var over = await FollowUpClient.PostJsonAsync(api, path, JsonSerializer.Serialize(new { text = new string('b', 10_001) }), bearer, Cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        }

        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        var staffEmpty = await page.Form("#reporter-message-form").Set("text", " ").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, staffEmpty.Status);
        Assert.NotNull(staffEmpty.Document.QuerySelector(".error-summary"));

        Assert.Empty(await MessagesAsync(report.Reference));
        var stored = await ReportAsync(report.Reference);
        Assert.False(stored.UnreadFromReporter);
        Assert.Null(stored.FirstReplyAt);
    }

    [Fact]
    public async Task ReplacingTheReceipt_RetiresTheOldOne_AndTheContentStaysReadable()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        thread = await thread.Form("#message-form").Set("text", "Before the new receipt.").SubmitAsync(Cancellation);
        using var api = CreateClientWithoutRedirects();
        var oldToken = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);

        var replaced = await thread.Form("#receipt-form").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Contains("no-store", replaced.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var newReceipt = replaced.Document.QuerySelector("#new-receipt")!.TextContent.Trim();
        Assert.True(Receipt.TryParse(newReceipt, out _));
        Assert.NotEqual(report.Receipt, newReceipt);

        // Shown once: the thread page does not show it again; this browser stays signed in.
        var back = await reporter.GetAsync("/en/follow-up/thread", Cancellation);
        Assert.Equal("/en/follow-up/thread", back.Url.AbsolutePath);
        Assert.DoesNotContain(newReceipt, back.Html, StringComparison.Ordinal);

        // The old receipt opens nothing, and the session opened with it elsewhere has ended; the new one opens the thread.
        var old = await FollowUpClient.SignInAsync(new FormClient(CreateBrowserClient()), report.Receipt, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        using (var ended = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", oldToken, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }

        var fresh = await FollowUpClient.SignInAsync(new FormClient(CreateBrowserClient()), newReceipt, cancellationToken: Cancellation);
        Assert.Equal("/en/follow-up/thread", fresh.Url.AbsolutePath);
        Assert.Contains("Before the new receipt.", fresh.Html, StringComparison.Ordinal);

        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.Contains(report.Description, page.Html, StringComparison.Ordinal);
        Assert.Contains("Before the new receipt.", page.Document.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReporter_AddsAndWithdrawsContactDetails()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var address = "safe." + Guid.NewGuid().ToString("N")[..8] + "@example.org";
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        Assert.Null(thread.Document.QuerySelector("#withdraw-form"));

        var invalid = await thread.Form("#contact-form").Check("contact.channel", "email").Set("contact.address", "not an address").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.NotNull(invalid.Document.QuerySelector("#contact-address-error"));
        Assert.False((await ReportAsync(report.Reference)).ContactRequested);

        var added = await thread.Form("#contact-form")
            .Check("contact.channel", "email").Set("contact.address", address).Set("contact.safeTimes", "mornings").Check("contact.mayLeaveMessage", "no")
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.NotNull(added.Document.QuerySelector("#withdraw-form"));
        var withContact = await ReportAsync(report.Reference);
        Assert.True(withContact.ContactRequested);
        Assert.True(withContact.UnreadFromReporter);

        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.Contains(address, page.Html, StringComparison.Ordinal);

        var withdrawn = await added.Form("#withdraw-form").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.Null(withdrawn.Document.QuerySelector("#withdraw-form"));
        Assert.False((await ReportAsync(report.Reference)).ContactRequested);
        page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.DoesNotContain(address, page.Html, StringComparison.Ordinal);
        Assert.Contains("withdrew their contact details", page.Document.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
        var kinds = await Factory.WithDbAsync(async db =>
        {
            var id = await db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Id).SingleAsync(Cancellation);
            return await db.ReportItems.Where(i => i.ReportId == id && i.Kind == (int)ItemKind.Contact).CountAsync(Cancellation);
        });
        Assert.Equal(2, kinds);
    }

    [Fact]
    public async Task TheInbox_FlagsAnOverdueFirstReply_UntilTheTeamWrites()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var fresh = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        await Factory.WithDbAsync(async db =>
        {
            var stored = await db.Reports.SingleAsync(r => r.Reference == report.Reference, Cancellation);
            stored.ReceivedAt = DateTime.UtcNow.AddDays(-8);
            return await db.SaveChangesAsync(Cancellation);
        });
        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var inbox = await staff.GetAsync("/staff/inbox?status=all&limit=200", Cancellation);
        Assert.NotNull(inbox.Document.QuerySelector($"tr[data-reference='{report.Reference}'] .reply-overdue"));
        Assert.Null(inbox.Document.QuerySelector($"tr[data-reference='{fresh.Reference}'] .reply-overdue"));

        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.NotNull(page.Document.QuerySelector("#first-reply .badge.overdue"));
        await page.Form("#reporter-message-form").Set("text", "Sorry for the wait: can you tell us more?").SubmitAsync(Cancellation);

        inbox = await staff.GetAsync("/staff/inbox?status=all&limit=200", Cancellation);
        Assert.Null(inbox.Document.QuerySelector($"tr[data-reference='{report.Reference}'] .reply-overdue"));
    }

    [Fact]
    public async Task AQuestionTemplate_OpensInTheReportsLanguage_OrFallsBack()
    {
        var french = await FollowUpClient.SendReportAsync(Factory, "fr", Cancellation);
        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var page = await staff.GetAsync($"/staff/reports/{french.Reference}/message?template=where", Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Pouvez-vous nous dire où cela se passe", page.Document.QuerySelector("#reporter-message")!.TextContent, StringComparison.Ordinal);

        // A phone report in Tigrinya, one of the 24: the template opens in Tigrinya.
        await SetLanguageAsync(french.Reference, "ti");
        page = await staff.GetAsync($"/staff/reports/{french.Reference}/message?template=where", Cancellation);
        Assert.Contains("እዚ ኣበይ ከም ዝፍጸም", page.Document.QuerySelector("#reporter-message")!.TextContent, StringComparison.Ordinal);

        // A phone report in a language the site does not have ("other"): the template opens in the staff page's language.
        await SetLanguageAsync(french.Reference, "other");
        page = await staff.GetAsync($"/staff/reports/{french.Reference}/message?template=where", Cancellation);
        Assert.Contains("Can you tell us where this happens", page.Document.QuerySelector("#reporter-message")!.TextContent, StringComparison.Ordinal);

        var sent = await page.Form("#reporter-message-form").SubmitAsync(Cancellation);
        Assert.Equal($"/staff/reports/{french.Reference}", sent.Url.AbsolutePath);
        Assert.Single(await MessagesAsync(french.Reference));

        var missing = await staff.GetAsync("/staff/reports/LT-0000-0000/message", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    private Task<int> SetLanguageAsync(string reference, string language) =>
        Factory.WithDbAsync(async db =>
        {
            var stored = await db.Reports.SingleAsync(r => r.Reference == reference, Cancellation);
            stored.Language = language;
            return await db.SaveChangesAsync(Cancellation);
        });

    private static IEnumerable<string> SetCookies(HtmlPage page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    /// <summary>
    /// Signs in without following the redirect, to read the session cookie as the server set it, then follows it
    /// with the browser-like <paramref name="reporter"/> (which keeps the cookie).
    /// </summary>
    private async Task<(HtmlPage Thread, string Cookie)> SignInShowingTheCookieAsync(FormClient reporter, string receipt)
    {
        var raw = new FormClient(CreateClientWithoutRedirects());
        var answer = await FollowUpClient.SignInAsync(raw, receipt, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        var cookie = SetCookies(answer).Single(c => c.StartsWith(FollowUpCookie.Name + "=", StringComparison.Ordinal));
        reporter.Client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        var thread = await reporter.GetAsync(answer.Response.Headers.Location!.ToString(), Cancellation);
        return (thread, cookie);
    }

    private Task<Report> ReportAsync(string reference) =>
        Factory.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, Cancellation));

    private Task<List<AuditEntry>> AuditAsync(string reference, string action) =>
        Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == reference && e.Action == action).ToListAsync(Cancellation));

    /// <summary>The thread's messages as the team reads them (decrypted with the staff key), oldest first.</summary>
    private async Task<List<string>> MessagesAsync(string reference)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Lantern.Web.Core.Persistence.LanternDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<KeyRing>();
        var thread = scope.ServiceProvider.GetRequiredService<Lantern.Web.FollowUp.Thread.ReportThread>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, Cancellation);
        var dataKey = Lantern.Web.Core.Reports.ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        return [.. (await thread.MessagesAsync(report.Id, dataKey, Cancellation)).Select(m => m.Text)];
    }
}
