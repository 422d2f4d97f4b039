using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Core.Files;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Platform;

public sealed class IntakeOnlyTestsOnSqlite(IntakeOnlySqliteFactory factory) : IntakeOnlyTests<IntakeOnlySqliteFactory>(factory);

public sealed class IntakeOnlyTestsOnPostgres(IntakeOnlyPostgresFactory factory) : IntakeOnlyTests<IntakeOnlyPostgresFactory>(factory);

/// <summary>
/// The whole public surface on an intake-only process set up as docs/OPERATIONS.md says (public staff keys only,
/// <c>Lantern:Role=Intake</c>): the questionnaire with files, the intake API, and follow-up with files on the page
/// and through the API. Nothing here may need the staff private key; the back office (the test, holding it) then
/// reads every file exactly as sent.
/// </summary>
public abstract class IntakeOnlyTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory, IIntakeOnlyFactory
{
    [Fact]
    public async Task TheQuestionnaireWithFiles_ThenFollowUpWithFiles_WorkWithoutTheStaffPrivateKey()
    {
        var photo = TestFiles.JpegWithExif("IntakeMake", "IntakeModel");
        var statement = Encoding.ASCII.GetBytes("%PDF-1.4\n%statement\ntrailer\n%%EOF\n");
        var review = await QuestionnaireReview.ReachAsync(new FormClient(CreateBrowserClient()), "The photo shows the van", Cancellation);

        var sent = await review.Form("#questionnaire").Attach("files", "van.jpg", photo).Attach("files", "statement.pdf", statement).PressAsync("action", "send", Cancellation);

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("/en/report/sent", sent.Url.AbsolutePath);
        var reference = sent.Document.QuerySelector("#reference")!.TextContent.Trim();
        var receipt = sent.Document.QuerySelector("#receipt")!.TextContent.Trim();
        Assert.Equal(photo, await ReadAsBackOfficeAsync(reference, "van.jpg"));
        Assert.Equal(statement, await ReadAsBackOfficeAsync(reference, "statement.pdf"));

        // The reporter comes back with the receipt and answers with a photo on the page, then downloads it.
        var reporter = new FormClient(CreateBrowserClient());
        var thread = await FollowUpClient.SignInAsync(reporter, receipt, cancellationToken: Cancellation);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal("/en/follow-up/thread", thread.Url.AbsolutePath);
        var answer = TestFiles.Jpeg();
        thread = await thread.Form("#message-form").Set("text", "The place.").Attach("file", "place.jpg", answer).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.NotNull(thread.Document.QuerySelector("#done"));
        var link = thread.Document.QuerySelector("#messages li.message.mine .message-files a")!;
        using (var own = await reporter.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative), Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(answer, await ReadAsBackOfficeAsync(reference, "place.jpg"));

        // The same through the follow-up API.
        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, receipt, Cancellation);
        var document = Encoding.ASCII.GetBytes("%PDF-1.4\n%contract\ntrailer\n%%EOF\n");
        using (var created = await PostFileAsync(api, token, "The contract.", "contract.pdf", document))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var threadAnswer = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", token, Cancellation);
        Assert.Equal(HttpStatusCode.OK, threadAnswer.StatusCode);
        var file = JsonDocument.Parse(await threadAnswer.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("messages").EnumerateArray()
            .SelectMany(m => m.GetProperty("files").EnumerateArray()).Single(f => f.GetProperty("name").GetString() == "contract.pdf");
        using (var download = await FollowUpClient.GetAsync(api, file.GetProperty("url").GetString()!, token, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(document, await download.Content.ReadAsByteArrayAsync(Cancellation));
        }

        Assert.Equal(document, await ReadAsBackOfficeAsync(reference, "contract.pdf"));
        AssertNoPrivateKeyOnTheHost();
    }

    [Fact]
    public async Task TheIntakeApi_StoresAReport_WhoseReceiptOpensTheThread()
    {
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        using var api = CreateClientWithoutRedirects();
        var token = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);

        using var thread = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", token, Cancellation);

        Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
        Assert.Equal(report.Reference, JsonDocument.Parse(await thread.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("reference").GetString());
        AssertNoPrivateKeyOnTheHost();
    }

    /// <summary>The file of the report named <paramref name="name"/>, opened as the back office does: with the staff private key.</summary>
    private async Task<byte[]> ReadAsBackOfficeAsync(string reference, string name)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ReportFileStore>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, Cancellation);
        var dataKey = KeySealer.Open(report.SealedDataKey, Factory.StaffKeys, report.Id);
        var info = (await store.ListAsync(report.Id, dataKey, Cancellation)).Single(f => f.Name == name);
        var file = (await store.FindAsync(report.Id, info.Id, Cancellation))!;
        await using var content = store.OpenRead(report.Id, dataKey, file);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Cancellation);
        return copy.ToArray();
    }

    private void AssertNoPrivateKeyOnTheHost() =>
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Factory.DataDirectory, "keys", "staff"), "*.key"));

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string token, string text, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(text, Encoding.UTF8), "text");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/followup/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancellation);
    }
}
