using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Localisation;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Content;

/// <summary>
/// The self-check (issue 13): one question per page, answers only in the posted form, a result that names the signs
/// and never a verdict, the emergency numbers when there is danger, and a report that starts with those signs ticked.
/// </summary>
public sealed class SelfCheckTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    /// <summary>work, pay, documents, housing, freedom, threats, debt.</summary>
    private static readonly string[] _answers = ["yes", "no", "yes", "unknown", "no", "yes", "yes"];

    /// <summary>The signs of the questions answered "yes", in the questions' order.</summary>
    private static readonly string[] _signs = ["hours", "documents", "threats", "debt"];

    [Fact]
    public async Task AVictimsAnswers_LeadToTheSigns_TheEmergencyNumbers_AndAPrefilledReport()
    {
        var forms = new FormClient(CreateBrowserClient());
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();

        var page = await forms.GetAsync("/fr/self-check", Cancellation);
        Assert.Equal(texts.Get("fr", "selfcheck.title"), page.Document.QuerySelector("main h1")?.TextContent);
        page = await page.Form("main form").PressAsync("action", "start", Cancellation);
        Assert.Equal(texts.Get("fr", "selfcheck.who.question"), page.Document.QuerySelector("legend h1")?.TextContent);
        page = await page.Form("#selfcheck").Check("answer", "me").PressAsync("action", "next", Cancellation);

        foreach (var answer in _answers)
        {
            page = await page.Form("#selfcheck").Check("answer", answer).PressAsync("action", "next", Cancellation);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        Assert.Equal(texts.Get("fr", "selfcheck.result.title"), page.Document.QuerySelector("main h1")?.TextContent);
        var signs = page.Document.QuerySelectorAll("#selfcheck-signs li").Select(li => li.TextContent).ToList();
        Assert.Equal(_signs.Select(s => texts.Get("fr", "sign." + s)), signs);
        Assert.NotNull(page.Document.QuerySelector("#selfcheck-danger"));
        // Nothing of the answers in an address: only the report's path and its hand-over handler.
        Assert.Equal("/fr/report/victim?handler=prefill", page.Document.QuerySelector("#selfcheck-report")?.GetAttribute("action"));
        Assert.DoesNotContain(page.Response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => !v.StartsWith("lantern.af", StringComparison.Ordinal)));

        var report = await page.Form("#selfcheck-report").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal("danger", report.Form("#questionnaire").Value("step"));
        Assert.Equal("/fr/report/victim", report.Document.QuerySelector("#questionnaire")?.GetAttribute("action"));
        var what = await report.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        var ticked = what.Document.QuerySelectorAll("input[name=signs][checked]").Select(i => i.GetAttribute("value")).Order(StringComparer.Ordinal);
        Assert.Equal(["debt", "documents", "hours", "threats"], ticked);
    }

    [Fact]
    public async Task AboutSomeoneElse_AsksAboutThem_AndLeadsToTheWitnessPath_WithoutDanger()
    {
        var forms = new FormClient(CreateBrowserClient());
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();

        var page = await (await forms.GetAsync("/en/self-check", Cancellation)).Form("main form").PressAsync("action", "start", Cancellation);
        page = await page.Form("#selfcheck").Check("answer", "other").PressAsync("action", "next", Cancellation);
        Assert.Equal(texts.Get("en", "selfcheck.work.other"), page.Document.QuerySelector("legend h1")?.TextContent);
        for (var i = 0; i < 7; i++)
        {
            page = await page.Form("#selfcheck").Check("answer", "no").PressAsync("action", "next", Cancellation);
        }

        Assert.NotNull(page.Document.QuerySelector("#selfcheck-none"));
        Assert.Null(page.Document.QuerySelector("#selfcheck-danger"));
        Assert.Equal("/en/report/witness?handler=prefill", page.Document.QuerySelector("#selfcheck-report")?.GetAttribute("action"));
    }

    [Fact]
    public async Task NoAnswer_Or_ATamperedOne_Answers400_OnTheSameQuestion_WithTheMessage()
    {
        var forms = new FormClient(CreateBrowserClient());
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();
        var page = await (await forms.GetAsync("/nl/self-check", Cancellation)).Form("main form").PressAsync("action", "start", Cancellation);
        page = await page.Form("#selfcheck").Check("answer", "me").PressAsync("action", "next", Cancellation);

        var none = await page.Form("#selfcheck").PressAsync("action", "next", Cancellation);
        var tampered = await page.Form("#selfcheck").Set("answer", "maybe").PressAsync("action", "next", Cancellation);

        foreach (var refused in new[] { none, tampered })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("work", refused.Form("#selfcheck").Value("page"));
            Assert.Equal(texts.Get("nl", "selfcheck.error"), refused.Document.QuerySelector("#answer-error")?.TextContent);
        }
    }

    [Fact]
    public async Task APrefilledReport_DropsSignsItDoesNotKnow()
    {
        var forms = new FormClient(CreateBrowserClient());
        var page = await (await forms.GetAsync("/en/self-check", Cancellation)).Form("main form").PressAsync("action", "start", Cancellation);
        page = await page.Form("#selfcheck").Check("answer", "me").PressAsync("action", "next", Cancellation);
        for (var i = 0; i < 7; i++)
        {
            page = await page.Form("#selfcheck").Check("answer", i == 0 ? "yes" : "no").PressAsync("action", "next", Cancellation);
        }

        var report = await page.Form("#selfcheck-report").Set("signs", "<script>").SubmitAsync(Cancellation);
        var what = await report.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);

        Assert.Equal(HttpStatusCode.OK, what.Status);
        Assert.Empty(what.Document.QuerySelectorAll("input[name=signs][checked]"));
    }
}
