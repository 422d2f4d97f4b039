using System.Text.RegularExpressions;
using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Microsoft.Playwright;
using SkiaSharp;

namespace Lantern.BrowserTests.FollowUp;

/// <summary>
/// A victim reports; an analyst asks a question with a template; the victim comes back from the home page with the
/// receipt (after one mistyped attempt), reads the question, answers with a photo, and signs out (Back does not bring the thread back); the analyst sees the
/// report marked unread in the inbox, reads the answer and opens the photo's rendition. With JavaScript on and off, in two languages; axe on every
/// page and state, and no request to another origin.
/// </summary>
public sealed partial class FollowUpJourneyTests(LanternBrowser lantern)
{
    public static TheoryData<bool, string> ScriptAndLanguage => new()
    {
        { true, "en" },
        { false, "fr" },
    };

    [Theory]
    [MemberData(nameof(ScriptAndLanguage))]
    public async Task TheTeamAsks_TheReporterSignsInWithTheReceipt_Answers_AndTheTeamReadsIt(bool javaScript, string language)
    {
        var (reference, receipt) = await ApiReports.SendAsync(lantern.Server, language);
        string Text(string key) => lantern.Text(language, key);

        // The analyst asks with a template, opened in the report's language and sent from the message page.
        await using var staff = await lantern.OpenAsync(javaScript, language);
        await StaffMembers.EnrolNewAsync(lantern.Server, staff, StaffRoles.Analyst);
        var staffPage = staff.Page;
        await staffPage.GotoAsync($"/staff/reports/{reference}");
        Assert.Equal(1, await staffPage.Locator("#thread").CountAsync());
        await staff.AssertAccessibleAsync();

        // The templates sit in a closed <details> (works without script too): open it as a person would.
        await staffPage.Locator("#thread details.templates summary").ClickAsync();

        await Act(staff, staffPage.Locator($"#thread a[href='/staff/reports/{reference}/message?template=where']"));
        Assert.Equal(Text("followup.template.where"), await staffPage.Locator("#reporter-message").InputValueAsync());
        await staff.AssertAccessibleAsync();
        await Act(staff, staffPage.Locator("#reporter-message-form button[type=submit]"));
        Assert.Equal($"/staff/reports/{reference}", new Uri(staffPage.Url).AbsolutePath);
        Assert.Equal(Text("staff.followup.sent"), await TrimmedAsync(staffPage.Locator("#message-sent")));
        await staff.AssertAccessibleAsync();
        staff.AssertNoForeignRequests();

        // The reporter comes back from the home page.
        await using var reporter = await lantern.OpenAsync(javaScript, language);
        var page = reporter.Page;
        await page.GotoAsync($"/{language}/");
        await Act(reporter, page.Locator("#follow-up"));
        Assert.Equal($"/{language}/follow-up", new Uri(page.Url).AbsolutePath);
        Assert.Equal(Text("followup.signin.title"), await TrimmedAsync(page.Locator("h1")));
        await reporter.AssertAccessibleAsync();

        // A mistyped receipt: refused, the reason at the top and beside the field.
        await page.Locator("#receipt").FillAsync(receipt[..^1] + (receipt[^1] == '9' ? '0' : (char)(receipt[^1] + 1)));
        await Act(reporter, page.Locator("main form button[type=submit]"), expectedStatus: 400);
        Assert.Equal(Text("followup.signin.error.refused"), await TrimmedAsync(page.Locator("#receipt-error")));
        Assert.Equal("true", await page.Locator("#receipt").GetAttributeAsync("aria-invalid"));
        await reporter.AssertAccessibleAsync();

        await page.Locator("#receipt").FillAsync(receipt);
        await Act(reporter, page.Locator("main form button[type=submit]"));
        Assert.Equal($"/{language}/follow-up/thread", new Uri(page.Url).AbsolutePath);
        Assert.Equal(reference, await TrimmedAsync(page.Locator("#reference")));
        Assert.Contains(Text("followup.status.received"), await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        var messages = page.Locator("#messages li.message");
        Assert.Equal(2, await messages.CountAsync());
        Assert.Equal(Text("followup.acknowledgement"), await TrimmedAsync(messages.Nth(0).Locator(".message-text")));
        Assert.Equal(Text("followup.template.where"), await TrimmedAsync(page.Locator("#messages li.message.team.new .message-text")));
        await reporter.AssertAccessibleAsync();

        // An empty answer is refused; then the answer.
        await Act(reporter, page.Locator("#message-form button[type=submit]"), expectedStatus: 400);
        Assert.Equal(Text("followup.error.empty"), await TrimmedAsync(page.Locator("#message-error")));
        await reporter.AssertAccessibleAsync();
        const string answer = "Rue de la Gare, près de la station de lavage.";
        await page.Locator("#message").FillAsync(answer);
        await page.Locator("#message-file").SetInputFilesAsync(new FilePayload { Name = "station.jpg", MimeType = "image/jpeg", Buffer = Photo() });
        await Act(reporter, page.Locator("#message-form button[type=submit]"));
        Assert.Equal(Text("followup.thread.done.message"), await TrimmedAsync(page.Locator("#done")));
        Assert.Equal(answer, await TrimmedAsync(page.Locator("#messages li.message.mine .message-text")));
        Assert.Equal("station.jpg", await TrimmedAsync(page.Locator("#messages li.message.mine .message-files a")));
        await reporter.AssertAccessibleAsync();

        // A new receipt, shown once; then signing out.
        await Act(reporter, page.Locator("#receipt-form button[type=submit]"));
        Assert.Matches(ReceiptFormat(), await TrimmedAsync(page.Locator("#new-receipt")));
        await reporter.AssertAccessibleAsync();
        await Act(reporter, page.Locator("#back-to-thread"));
        await Act(reporter, page.Locator("#sign-out-form button[type=submit]"));
        Assert.Equal($"/{language}/follow-up", new Uri(page.Url).AbsolutePath);
        Assert.Equal(Text("followup.signin.notice.signed-out"), await TrimmedAsync(page.Locator("#notice")));
        await reporter.AssertAccessibleAsync();
        Assert.Equal(0, (await reporter.Page.Context.CookiesAsync()).Count(c => c.Name == "lantern.followup"));

        // Back does not bring the thread back: the browser kept no copy, and the ended session opens nothing.
        await page.GoBackAsync();
        Assert.Equal($"/{language}/follow-up", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(reference, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await reporter.AssertAccessibleAsync();
        reporter.AssertNoForeignRequests();

        // The analyst: the inbox marks the report unread; the report page shows the answer.
        await staffPage.GotoAsync("/staff/inbox?status=all&unread=yes");
        Assert.Equal(1, await staffPage.Locator($"tr[data-reference='{reference}'] .badge.unread").CountAsync());
        await staff.AssertAccessibleAsync();
        await Act(staff, staffPage.Locator($"main a[href='/staff/reports/{reference}']").First);
        Assert.Equal(answer, await TrimmedAsync(staffPage.Locator("#thread li.message.reporter .message-text")));
        var photo = staffPage.Locator("#thread li.message.reporter .message-files a");
        Assert.Equal("station.jpg", await TrimmedAsync(photo));
        var rendition = await staffPage.Context.APIRequest.GetAsync(await photo.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, rendition.Status);
        Assert.Equal("image/jpeg", rendition.Headers["content-type"]);
        await staff.AssertAccessibleAsync();
        staff.AssertNoForeignRequests();
    }

    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(300, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(120, 40, 60));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static async Task<IResponse> Act(BrowserSession session, ILocator target, int expectedStatus = 200)
    {
        var response = await session.ClickAndLoadAsync(target);
        Assert.True(response.Status == expectedStatus, $"Expected {expectedStatus} but got {response.Status} for {response.Url}");
        return response;
    }

    private static async Task<string> TrimmedAsync(ILocator locator) => Whitespace().Replace(await locator.InnerTextAsync(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{4} \d{4} \d{4} \d{4} \d{4}$")]
    private static partial Regex ReceiptFormat();
}
