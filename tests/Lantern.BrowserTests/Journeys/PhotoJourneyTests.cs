using Lantern.BrowserTests.Infrastructure;
using Lantern.BrowserTests.Staff;
using Lantern.Web.Core.Access;
using Microsoft.Playwright;
using SkiaSharp;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// A witness sends a report with a photo (JavaScript on and off): the file field is on the summary step, the
/// receipt comes once the photo is stored, and an analyst then sees the photo's rendition on the report page.
/// Without JavaScript the photo is phone-sized (over a megabyte, beyond the server's default request limit).
/// axe on the summary with the file field and on the report page with its files.
/// </summary>
public sealed class PhotoJourneyTests(LanternBrowser lantern)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AReportWithAPhoto_IsSent_AndTheAnalystSeesTheRendition(bool javaScript)
    {
        const string language = "en";
        var description = $"The photo shows the van they use ({Guid.NewGuid():N}).";
        string reference;
        await using (var session = await lantern.OpenAsync(javaScript, language))
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
                    await page.Locator("#description").FillAsync(description);
                }

                var response = await session.ClickAndLoadAsync(visitor.Button("next"));
                Assert.Equal(200, response.Status);
            }

            await visitor.AssertPageAsync("step.review.title");
            await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "van.jpg", MimeType = "image/jpeg", Buffer = javaScript ? Photo(300, 200) : Photo(1600, 1200) });
            (reference, _) = await visitor.SendAndConfirmAsync();
        }

        await using var staff = await lantern.OpenAsync(javaScript, language);
        var (email, enrolment) = await StaffMembers.AddAsync(lantern.Server, StaffRoles.Analyst);
        await StaffMembers.EnrolAsync(staff, email, enrolment);
        await staff.Page.GotoAsync($"/staff/reports/{reference}");
        var image = staff.Page.Locator("#files img");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0, "The rendition did not load as an image.");
        Assert.Contains("van.jpg", await staff.Page.Locator("#files table").InnerTextAsync(), StringComparison.Ordinal);
        await staff.AssertAccessibleAsync();
    }

    /// <summary>A JPEG of random pixels: noise does not compress, so the file is as large as a camera's.</summary>
    private static byte[] Photo(int width, int height)
    {
        var pixels = new byte[width * height * 4];
        new Random(width).NextBytes(pixels);
        for (var alpha = 3; alpha < pixels.Length; alpha += 4)
        {
            pixels[alpha] = 0xFF;
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        Assert.True(width < 1000 || data.Size > 1024 * 1024, $"The large photo is only {data.Size} bytes.");
        return data.ToArray();
    }
}
