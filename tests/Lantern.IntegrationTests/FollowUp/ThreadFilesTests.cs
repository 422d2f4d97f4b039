using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.FollowUp;

public sealed class ThreadFilesTestsOnSqlite(SqliteLanternFactory factory) : ThreadFilesTests<SqliteLanternFactory>(factory);

public sealed class ThreadFilesTestsOnPostgres(PostgresLanternFactory factory) : ThreadFilesTests<PostgresLanternFactory>(factory);

/// <summary>
/// Files in the follow-up thread, both ways: the reporter answers with a photo (page and API), the team sees its
/// rendition without metadata and a permitted role the original; the team sends a file the reporter downloads;
/// a refused file leaves neither the message nor any file rows.
/// </summary>
public abstract class ThreadFilesTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheReporter_AnswersWithAPhotoOnThePage_StaffSeeTheRenditionWithoutMetadata_AndTheOriginal()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var photo = TestFiles.JpegWithExif("Make" + marker, "Model" + marker);

        // A photo alone, without text, is a message.
        thread = await thread.Form("#message-form").Set("text", string.Empty).Attach("file", "room " + marker + ".jpg", photo).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.NotNull(thread.Document.QuerySelector("#done"));
        var link = thread.Document.QuerySelector("#messages li.message.mine .message-files a")!;
        Assert.Equal("room " + marker + ".jpg", link.TextContent.Trim());
        var state = await Factory.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == report.Reference, Cancellation));
        Assert.True(state.UnreadFromReporter);
        Assert.NotNull(state.ReporterActiveAt);

        // The reporter downloads it again: a download, never cached or sniffed, and without the camera's metadata.
        using (var own = await reporter.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Contains("no-store", own.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.DoesNotContain("Make" + marker, Encoding.Latin1.GetString(await own.Content.ReadAsByteArrayAsync(Cancellation)), StringComparison.Ordinal);
        }

        // The analyst sees it under the message: the rendition has no metadata, the original is the evidence.
        var (_, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        var staffLink = page.Document.QuerySelector("#thread li.message.reporter .message-files a")!;
        Assert.Equal("room " + marker + ".jpg", staffLink.TextContent.Trim());
        using (var rendition = await staff.Client.GetAsync(new Uri(staffLink.GetAttribute("href")!, UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
            var bytes = await rendition.Content.ReadAsByteArrayAsync(Cancellation);
            Assert.DoesNotContain(TestFiles.JpegSegments(bytes), s => s.Marker == 0xE1);
            Assert.DoesNotContain("Make" + marker, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }

        using var original = await staff.Client.GetAsync(new Uri(staffLink.GetAttribute("href") + "/original", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Equal(photo, await original.Content.ReadAsByteArrayAsync(Cancellation));
    }

    [Fact]
    public async Task TheReporter_AnswersWithAPhotoThroughTheApi_AndReadsItInTheThread()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);
        var photo = TestFiles.JpegWithExif("ApiMake", "ApiModel");

        using var created = await PostFileAsync(api, "/api/v1/followup/files", token, "Here is the place.", "place.jpg", photo);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var messageId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetInt64();
        Assert.True((await ReportAsync(report.Reference)).UnreadFromReporter);

        using var threadAnswer = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", token, Cancellation);
        var messages = JsonDocument.Parse(await threadAnswer.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("messages");
        var message = messages.EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == messageId);
        Assert.Equal("Here is the place.", message.GetProperty("text").GetString());
        var file = message.GetProperty("files").EnumerateArray().Single();
        Assert.Equal("place.jpg", file.GetProperty("name").GetString());

        using var download = await FollowUpClient.GetAsync(api, file.GetProperty("url").GetString()!, token, Cancellation);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.DoesNotContain("ApiMake", Encoding.Latin1.GetString(await download.Content.ReadAsByteArrayAsync(Cancellation)), StringComparison.Ordinal);

        // Without the token, or with another report's token, the file is not there.
        using var anonymous = await FollowUpClient.GetAsync(api, file.GetProperty("url").GetString()!, null, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var other = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var otherToken = await FollowUpClient.TokenAsync(api, other.Receipt, Cancellation);
        using var foreign = await FollowUpClient.GetAsync(api, file.GetProperty("url").GetString()!, otherToken, Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task ARefusedFile_LeavesNoMessageAndNoFile_OnThePageAndThroughTheApi()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        var photo = TestFiles.Jpeg();
        var truncated = photo[..(photo.Length / 2)];

        var refused = await thread.Form("#message-form").Set("text", "Cut short").Attach("file", "cut.jpg", truncated).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#message-file-error"));
        Assert.Equal("Cut short", refused.Document.QuerySelector("#message")!.TextContent);

        refused = await refused.Form("#message-form").Set("text", "Mislabelled").Attach("file", "photo.jpg", Encoding.UTF8.GetBytes("not a photo at all")).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);

        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);
        using (var answer = await PostFileAsync(api, "/api/v1/followup/files", token, "Cut short", "cut.jpg", truncated))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        using (var answer = await PostFileAsync(api, "/api/v1/followup/files", token, "Mislabelled", "photo.jpg", Encoding.UTF8.GetBytes("not a photo")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        }

        Assert.Equal((0, 0, 0), await CountsAsync(report.Reference));
        var untouched = await ReportAsync(report.Reference);
        Assert.False(untouched.UnreadFromReporter);
        Assert.Null(untouched.ReporterActiveAt);
    }

    [Fact]
    public async Task TheTeam_SendsAFileWithAMessage_AndTheReporterDownloadsIt_ButNotTheTeamsOwnEvidence()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        var (analyst, staff) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%" + marker + "\ntrailer\n%%EOF\n");
        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);

        // A mislabelled file first: explained (415), the text kept to send again, nothing stored.
        var refused = await page.Form("#reporter-message-form").Set("text", "The address of the shelter.").Attach("file", "shelter.pdf", Encoding.UTF8.GetBytes("not a pdf")).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#reporter-message-error"));
        Assert.Equal("The address of the shelter.", refused.Document.QuerySelector("#reporter-message")!.TextContent);
        Assert.Equal((0, 0, 0), await CountsAsync(report.Reference));
        Assert.Null((await ReportAsync(report.Reference)).FirstReplyAt);

        page = await page.Form("#reporter-message-form").Set("text", "The address of the shelter.").Attach("file", "shelter.pdf", pdf).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#message-sent"));
        Assert.Contains("shelter.pdf", page.Document.QuerySelector("#thread li.message.team .message-files")!.TextContent, StringComparison.Ordinal);

        // The same through the API, without text; and a file kept as evidence outside the thread.
        var token = await StaffSessions.TokenAsync(Factory, analyst);
        using (var api = CreateClientWithoutRedirects())
        {
            using var sent = await PostFileAsync(api, $"/api/v1/reports/{report.Reference}/messages/files", token, null, "map.png", TestFiles.Png());
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        await page.Form("#file-form").Attach("file", "evidence.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%internal\ntrailer\n%%EOF\n")).SubmitAsync(Cancellation);
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == report.Reference && e.Action == "file.added").CountAsync(Cancellation));
        Assert.Equal(3, audit);

        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, report.Receipt, cancellationToken: Cancellation);
        var links = thread.Document.QuerySelectorAll("#messages li.message.team .message-files a").ToList();
        Assert.Equal(["shelter.pdf", "map.png"], links.Select(a => a.TextContent.Trim()));
        Assert.DoesNotContain("evidence.pdf", thread.Html, StringComparison.Ordinal);
        using (var download = await reporter.Client.GetAsync(new Uri(links[0].GetAttribute("href")!, UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Cancellation));
        }

        var evidenceId = await Factory.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Id).SingleAsync(Cancellation);
            return await db.ReportFiles.Where(f => f.ReportId == reportId && f.MessageItemId == null).Select(f => f.Id).SingleAsync(Cancellation);
        });
        using var hidden = await reporter.Client.GetAsync(new Uri($"/en/follow-up/thread?handler=file&id={evidenceId}", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheThreadFileEndpoints()
    {
        using var client = Factory.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));
        var paths = json.RootElement.GetProperty("paths");

        Assert.Equal("PostFollowUpFile", paths.GetProperty("/api/v1/followup/files").GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("GetFollowUpFile", paths.GetProperty("/api/v1/followup/files/{id}").GetProperty("get").GetProperty("operationId").GetString());
        var staff = paths.GetProperty("/api/v1/reports/{reference}/messages/files").GetProperty("post");
        Assert.Equal("PostReportMessageFile", staff.GetProperty("operationId").GetString());
        foreach (var status in new[] { "201", "400", "404", "413", "415", "422" })
        {
            Assert.True(staff.GetProperty("responses").TryGetProperty(status, out _), status);
        }
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, string token, string? text, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        if (text is not null)
        {
            form.Add(new StringContent(text, Encoding.UTF8), "text");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancellation);
    }

    private Task<Lantern.Web.Core.Reports.Report> ReportAsync(string reference) =>
        Factory.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, Cancellation));

    /// <summary>The report's messages, file rows, and file items (chunks and names).</summary>
    private Task<(int Messages, int Files, int Items)> CountsAsync(string reference) => Factory.WithDbAsync(async db =>
    {
        var reportId = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Cancellation);
        var messages = await db.ReportItems.CountAsync(i => i.ReportId == reportId && i.Kind == (int)ItemKind.Message, Cancellation);
        var files = await db.ReportFiles.CountAsync(f => f.ReportId == reportId, Cancellation);
        var items = await db.ReportItems.CountAsync(i => i.ReportId == reportId && (i.Kind == (int)ItemKind.FileChunk || i.Kind == (int)ItemKind.FileName), Cancellation);
        return (messages, files, items);
    });
}
