using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Microsoft.Playwright;
using SkiaSharp;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The recommended public deployment (docs/OPERATIONS.md): the public site on an intake-only process holding only the
/// public staff key, the back office on another process with the private key, one database. A witness sends a report
/// with a photo on the public process, comes back with the receipt and answers with a file; an analyst on the back
/// office sees both files. axe on every public page (through <see cref="Visitor"/>) and on the report page.
/// </summary>
public sealed class IntakeOnlyJourneyTests(LanternBrowser lantern)
{
    [Fact]
    public async Task OnAnIntakeOnlyProcess_AReportWithAPhoto_AndAFollowUpFile_ReachTheBackOffice()
    {
        const string language = "en";
        await using var intake = LanternServer.IntakeOnlyBeside(lantern.Server);
        intake.Start();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(intake.DataDirectory, "keys", "staff"), "*.key"));

        string reference;
        await using (var session = await lantern.OpenOnAsync(intake, javaScript: true, language))
        {
            var visitor = new Visitor(lantern, session, language);
            var page = visitor.Page;
            await page.GotoAsync($"/{language}/report/witness");
            await page.Locator("#immediateDanger-no").CheckAsync();
            await visitor.GoAsync(visitor.Button("next"), "step.what.title.witness");
            await page.Locator("#form-labour").CheckAsync();
            await page.Locator("#minorsInvolved-no").CheckAsync();
            for (var i = 0; i < 10 && await page.Locator("#files").CountAsync() == 0; i++)
            {
                if (await page.Locator("#description").CountAsync() > 0)
                {
                    await page.Locator("#description").FillAsync("The photo shows the van they use.");
                }

                var response = await session.ClickAndLoadAsync(visitor.Button("next"));
                Assert.Equal(200, response.Status);
            }

            await visitor.AssertPageAsync("step.review.title");
            await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "van.jpg", MimeType = "image/jpeg", Buffer = Photo(new SKColor(20, 90, 160)) });
            string receipt;
            (reference, receipt) = await visitor.SendAndConfirmAsync();

            // Back with the receipt, on the same public process: an answer with a file.
            await page.GotoAsync($"/{language}/follow-up");
            await page.Locator("#receipt").FillAsync(receipt);
            await visitor.GoAsync(page.Locator("main form button[type=submit]"), "followup.thread.title");
            await page.Locator("#message").FillAsync("Here is where they sleep.");
            await page.Locator("#message-file").SetInputFilesAsync(new FilePayload { Name = "place.jpg", MimeType = "image/jpeg", Buffer = Photo(new SKColor(160, 90, 20)) });
            await visitor.GoAsync(page.Locator("#message-form button[type=submit]"), "followup.thread.title");
            Assert.Equal("place.jpg", (await page.Locator("#messages li.message.mine .message-files a").InnerTextAsync()).Trim());
        }

        // The back office opens both with its private key.
        await using var staff = await lantern.OpenAsync(javaScript: true, language);
        await StaffMembers.EnrolNewAsync(lantern.Server, staff, StaffRoles.Analyst);
        await staff.Page.GotoAsync($"/staff/reports/{reference}");
        // The team's file list shows both photos: the questionnaire's and the one sent in the thread.
        await Assertions.Expect(staff.Page.Locator("#files img")).ToHaveCountAsync(2);
        var image = staff.Page.Locator("#files img").First;
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "The photo sent on the intake process did not open in the back office.");
        var answer = staff.Page.Locator("#thread li.message.reporter .message-files a");
        Assert.Equal("place.jpg", (await answer.InnerTextAsync()).Trim());
        var rendition = await staff.Page.Context.APIRequest.GetAsync(await answer.GetAttributeAsync("href") ?? string.Empty);
        Assert.Equal(200, rendition.Status);
        Assert.Equal("image/jpeg", rendition.Headers["content-type"]);
        await staff.AssertAccessibleAsync();
    }

    private static byte[] Photo(SKColor colour)
    {
        using var bitmap = new SKBitmap(300, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
