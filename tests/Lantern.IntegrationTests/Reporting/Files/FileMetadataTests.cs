using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Referrals;

namespace Lantern.IntegrationTests.Reporting.Files;

public sealed class FileMetadataTestsOnSqlite(SqliteLanternFactory factory) : FileMetadataTests<SqliteLanternFactory>(factory);

public sealed class FileMetadataTestsOnPostgres(PostgresLanternFactory factory) : FileMetadataTests<PostgresLanternFactory>(factory);

/// <summary>
/// PDFs and recordings carry their author, device and place in metadata. Partners and the reporter get a copy
/// without it; the original, with it, stays evidence for those allowed; a file that cannot be cleaned is flagged to
/// staff before they share it.
/// </summary>
public abstract class FileMetadataTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task APdfAndARecordingWithAuthorAndPlace_ReachPartnersAndTheReporterWithoutThem_AndTheOriginalKeepsThem()
    {
        var marker = "Jane" + Guid.NewGuid().ToString("N")[..8];
        var report = await FollowUpClient.SendReportAsync(Factory, cancellationToken: Cancellation);
        using var api = CreateClientWithoutRedirects();
        var reporter = await FollowUpClient.TokenAsync(api, report.Receipt, Cancellation);
        var pdf = TestFiles.PdfWithMetadata(marker);
        var mp3 = TestFiles.Mp3WithTags(marker);
        Assert.Contains(marker, Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Contains(marker, Encoding.Latin1.GetString(mp3), StringComparison.Ordinal);

        using (var sent = await PostReporterFileAsync(api, reporter, "statement.pdf", pdf))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        using (var sent = await PostReporterFileAsync(api, reporter, "voice.mp3", mp3))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        // The reporter reads their own files back without the metadata.
        using var thread = await FollowUpClient.GetAsync(api, "/api/v1/followup/thread", reporter, Cancellation);
        var urls = JsonDocument.Parse(await thread.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("messages").EnumerateArray()
            .SelectMany(m => m.TryGetProperty("files", out var files) ? files.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(f => f.GetProperty("url").GetString()!).ToList();
        Assert.Equal(2, urls.Count);
        foreach (var url in urls)
        {
            using var download = await FollowUpClient.GetAsync(api, url, reporter, Cancellation);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.DoesNotContain(marker, Encoding.Latin1.GetString(await download.Content.ReadAsByteArrayAsync(Cancellation)), StringComparison.Ordinal);
        }

        // The thread's files are the central team's; a partner sees the report's own files. The team attaches the same
        // two to the report, and a partner with a full referral lists both as cleaned and gets them without the metadata.
        var attacher = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, attacher);
        using (var attached = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "statement.pdf", pdf, "application/pdf", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using (var attached = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "voice.mp3", mp3, "audio/mpeg", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "pag-asa", ReferralScopes.Full);
        using var partner = await ApiAsync(await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "pag-asa"));
        var listed = await ListAsync(partner, report.Reference);
        Assert.Equal(2, listed.Count);
        foreach (var file in listed)
        {
            Assert.True(file.GetProperty("metadataRemoved").GetBoolean());
            Assert.False(file.GetProperty("hasRendition").GetBoolean());
            using var download = await partner.GetAsync(new Uri(file.GetProperty("url").GetString()!, UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            var bytes = await download.Content.ReadAsByteArrayAsync(Cancellation);
            Assert.DoesNotContain(marker, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }

        // The central team's original is the evidence, byte for byte.
        using var analyst = await ApiAsync(await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var originals = new List<byte[]>();
        foreach (var file in await ListAsync(analyst, report.Reference))
        {
            using var original = await analyst.GetAsync(new Uri(file.GetProperty("originalUrl").GetString()!, UriKind.Relative), Cancellation);
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            originals.Add(await original.Content.ReadAsByteArrayAsync(Cancellation));
        }

        Assert.Contains(originals, o => o.AsSpan().SequenceEqual(pdf));
        Assert.Contains(originals, o => o.AsSpan().SequenceEqual(mp3));
    }

    [Fact]
    public async Task APdfThatCannotBeCleaned_IsKept_AndStaffAreWarnedBeforeSharingIt()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (analyst, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        using var api = await ApiAsync(analyst);

        // Starts and ends as a PDF, but holds no object a PDF reader can open: nothing to clean it with.
        using (var sent = await FilesThroughApi.UploadAsync(Factory, await StaffSessions.TokenAsync(Factory, analyst), report.Reference, "odd.pdf", TestFiles.LargePdf(2048), "application/pdf", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var file = Assert.Single(await ListAsync(api, report.Reference));
        Assert.False(file.GetProperty("metadataRemoved").GetBoolean());
        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        var warning = page.Document.QuerySelector("#files .file-metadata-warning");
        Assert.NotNull(warning);
        Assert.Contains("could not be removed", warning.TextContent, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ApiAsync(StaffCredentials credentials)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffSessions.TokenAsync(Factory, credentials));
        return client;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient api, string reference)
    {
        using var response = await api.GetAsync(new Uri($"/api/v1/reports/{reference}/files", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static async Task<HttpResponseMessage> PostReporterFileAsync(HttpClient api, string token, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("Here it is.", Encoding.UTF8), "text");
        form.Add(new ByteArrayContent(content), "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/followup/files") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.SendAsync(request, Cancellation);
    }
}
