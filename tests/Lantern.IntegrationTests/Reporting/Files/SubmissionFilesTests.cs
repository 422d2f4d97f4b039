using System.Net;
using System.Text;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Privacy;
using Lantern.Web.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Reporting.Files;

public sealed class SubmissionFilesTestsOnSqlite(SqliteLanternFactory factory) : SubmissionFilesTests<SqliteLanternFactory>(factory);

public sealed class SubmissionFilesTestsOnPostgres(PostgresLanternFactory factory) : SubmissionFilesTests<PostgresLanternFactory>(factory);

/// <summary>
/// Files sent with the public questionnaire, without JavaScript: the receipt comes only with every file stored,
/// and a refused file leaves neither the report nor any file behind.
/// </summary>
public abstract class SubmissionFilesTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task APhotoSentWithTheReport_IsStoredEncrypted_WithItsRendition_BeforeTheReceiptIsShown()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var review = await ReviewAsync("The photo shows the van " + marker);
        Assert.Equal("multipart/form-data", review.Document.QuerySelector("#questionnaire")!.GetAttribute("enctype"));

        var sent = await review.Form("#questionnaire")
            .Attach("files", "van " + marker + ".jpg", TestFiles.JpegWithExif("Make" + marker, "Model"))
            .Attach("files", "statement.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%" + marker + "\ntrailer\n%%EOF\n"))
            .PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("/sent", sent.Url.AbsolutePath, StringComparison.Ordinal);
        var files = await Factory.WithDbAsync(db => db.ReportFiles.AsNoTracking()
            .Where(f => db.Reports.OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).First() == f.ReportId)
            .Select(f => new { f.ContentType, f.Complete, f.AuthorId, Rendition = f.OriginalId != null }).ToListAsync(Cancellation));
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.True(f.Complete && f.AuthorId is null));
        Assert.Single(files, f => f.Rendition && f.ContentType == "image/jpeg");
        Assert.Single(files, f => f.ContentType == "application/pdf");
        var found = StoredDataScan.Find(await Factory.ReadStoredDataAsync(), [marker]);
        Assert.True(found.Count == 0, "Report file stored in clear: " + string.Join("; ", found));
    }

    [Theory]
    [InlineData("text", 415)]
    [InlineData("truncated", 422)]
    public async Task ARefusedFile_KeepsTheReviewWithAMessage_AndStoresNothing(string kind, int status)
    {
        var review = await ReviewAsync("Nothing of this may be stored");
        var before = await CountsAsync();
        var jpeg = TestFiles.Jpeg();
        var content = kind == "text" ? Encoding.UTF8.GetBytes("MZ not a photo") : jpeg[..(jpeg.Length - 100)];

        var page = await review.Form("#questionnaire").Attach("files", "photo.jpg", content).PressAsync("action", "send", Cancellation);

        Assert.Equal(status, (int)page.Status);
        Assert.Equal("review", page.Form("#questionnaire").Value("step"));
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("#files-error")?.TextContent));
        Assert.Equal(before, await CountsAsync());

        // Sent again without the file, the same draft goes through.
        var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);
        Assert.Contains("/sent", sent.Url.AbsolutePath, StringComparison.Ordinal);
    }

    private Task<(int Reports, int Files, int Items)> CountsAsync() => Factory.WithDbAsync(async db => (
        await db.Reports.CountAsync(Cancellation),
        await db.ReportFiles.CountAsync(Cancellation),
        await db.ReportItems.CountAsync(i => i.Kind == (int)Lantern.Web.Platform.Crypto.ItemKind.FileChunk || i.Kind == (int)Lantern.Web.Platform.Crypto.ItemKind.FileName, Cancellation)));

    private Task<HtmlPage> ReviewAsync(string description) => QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), description, Cancellation);
}

/// <summary>A witness's questionnaire filled in up to the review (sending) step, where the file field is.</summary>
public static class QuestionnaireReview
{
    public static async Task<HtmlPage> ReachAsync(FormClient forms, string description, CancellationToken cancellationToken, string language = "en")
    {
        var page = await forms.GetAsync("/" + language + "/report/witness", cancellationToken);
        page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", cancellationToken);
        page = await page.Form("#questionnaire").Check("signs", "documents").Check("minorsInvolved", "no").PressAsync("action", "next", cancellationToken);
        for (var step = page.Form("#questionnaire").Value("step"); step != "review"; step = page.Form("#questionnaire").Value("step"))
        {
            var form = page.Form("#questionnaire");
            if (step == "account")
            {
                form.Set("description", description);
            }

            page = await form.PressAsync("action", "next", cancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        return page;
    }
}
