using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Privacy;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Lantern.IntegrationTests.Reporting.Files;

public sealed class ReportFilesTestsOnSqlite(SqliteLanternFactory factory) : ReportFilesTests<SqliteLanternFactory>(factory);

public sealed class ReportFilesTestsOnPostgres(PostgresLanternFactory factory) : ReportFilesTests<PostgresLanternFactory>(factory);

/// <summary>
/// Report files through the staff API and the report page: the rendition staff see carries none of the original's
/// metadata, the original stays retrievable byte for byte by permitted roles, refused files leave nothing behind,
/// and neither names nor content are stored in the clear.
/// </summary>
public abstract class ReportFilesTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AnImageWithGpsAndCameraMetadata_IsShownWithoutIt_AndTheOriginalStaysByteIdentical()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var analyst = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, analyst);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var original = TestFiles.JpegWithExif("MakeMarker" + marker, "ModelMarker" + marker);
        Assert.Contains(TestFiles.JpegSegments(original), s => s.Marker == 0xE1);

        using var created = await UploadAsync(token, report.Reference, "photo " + marker + ".jpg", original);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancellation));
        var id = json.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("photo " + marker + ".jpg", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("image/jpeg", json.RootElement.GetProperty("contentType").GetString());
        Assert.True(json.RootElement.GetProperty("hasRendition").GetBoolean());

        using var shown = await GetAsync(token, $"/api/v1/reports/{report.Reference}/files/{id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", shown.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("inline", shown.Content.Headers.ContentDisposition?.DispositionType);
        var rendition = await shown.Content.ReadAsByteArrayAsync(Cancellation);
        var segments = TestFiles.JpegSegments(rendition);
        Assert.DoesNotContain(segments, s => s.Marker is >= 0xE1 and <= 0xEF or 0xFE);
        var text = Encoding.Latin1.GetString(rendition);
        foreach (var trace in new[] { "Exif", "MakeMarker", "ModelMarker", marker, "http://ns.adobe.com/xap", "ICC_PROFILE" })
        {
            Assert.DoesNotContain(trace, text, StringComparison.Ordinal);
        }

        using (var decoded = SKBitmap.Decode(rendition))
        {
            Assert.Equal((320, 200), (decoded.Width, decoded.Height));
        }

        using var download = await GetAsync(token, $"/api/v1/reports/{report.Reference}/files/{id}/original");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(original, await download.Content.ReadAsByteArrayAsync(Cancellation));

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Record == report.Reference && e.Actor == analyst.Id.ToString()).Select(e => e.Action).ToListAsync(Cancellation));
        Assert.Contains("file.added", audit);
        Assert.Contains("file.read", audit);
        Assert.Contains("file.download.original", audit);

        // Neither the name nor the content (its EXIF strings) is anywhere in the stored data, nor in the logs.
        var found = StoredDataScan.Find(await Factory.ReadStoredDataAsync(), [marker]);
        Assert.True(found.Count == 0, "File name or content stored in clear: " + string.Join("; ", found));
        Assert.DoesNotContain(marker, Factory.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Originals_AreForPermittedRolesOnly_AndPartnersSeeFilesOnlyWithAFullReferral()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var coordinator = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator));
        using var created = await UploadAsync(coordinator, report.Reference, "a.jpg", TestFiles.JpegWithExif("M", "N"));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetString();
        var partner = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.PartnerCaseworker, "payoke"));
        var operatorToken = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Operator));
        var files = $"/api/v1/reports/{report.Reference}/files";

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, files));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"{files}/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(operatorToken, $"{files}/{id}/original"));

        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "payoke", ReferralScopes.WithoutContact);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, files));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(partner, $"{files}/{id}"));

        await SubmittedReports.PlantReferralRowAsync(Factory, report.Reference, "payoke", ReferralScopes.Full);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(partner, files));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(partner, $"{files}/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(partner, $"{files}/{id}/original"));
        using var partnerUpload = await UploadAsync(partner, report.Reference, "b.png", TestFiles.Png());
        Assert.Equal(HttpStatusCode.Forbidden, partnerUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(coordinator, $"{files}/{Guid.NewGuid()}"));
    }

    [Theory]
    [InlineData("executable", "holiday.jpg", 415)]
    [InlineData("text", "photo.jpg", 415)]
    [InlineData("truncated-jpeg", "photo.jpg", 422)]
    [InlineData("truncated-png", "photo.png", 422)]
    [InlineData("empty", "photo.jpg", 422)]
    [InlineData("oversized", "big.jpg", 413)]
    public async Task ARefusedFile_Answers4xxWithAProblem_AndNothingIsStored(string kind, string name, int status)
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var jpeg = TestFiles.Jpeg();
        var png = TestFiles.Png();
        var content = kind switch
        {
            "executable" => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, .. new byte[2000]],
            "text" => Encoding.UTF8.GetBytes("This is not a photo at all, just text.\n"),
            "truncated-jpeg" => jpeg[..(jpeg.Length / 2)],
            "truncated-png" => png[..(png.Length - 20)],
            "empty" => [],
            _ => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[(21 * 1024 * 1024) - 4]],
        };
        var before = await CountsAsync(report.Reference);

        using var response = await UploadAsync(token, report.Reference, name, content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var title = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal(before, await CountsAsync(report.Reference));
        Assert.Equal(before, (0, 0));
    }

    [Fact]
    public async Task AFileChunkAlteredInTheDatabase_IsNotServed()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        using var created = await UploadAsync(token, report.Reference, "doc.png", TestFiles.Png());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("id").GetString();
        await Factory.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Id).SingleAsync(Cancellation);
            var chunk = await db.ReportItems.Where(i => i.ReportId == reportId && i.Kind == (int)ItemKind.FileChunk).OrderBy(i => i.Sequence).FirstAsync(Cancellation);
            chunk.Ciphertext[^1] ^= 0x01;
            db.Entry(chunk).Property(i => i.Ciphertext).IsModified = true;
            return await db.SaveChangesAsync(Cancellation);
        });

        Assert.Equal(HttpStatusCode.InternalServerError, await StatusAsync(token, $"/api/v1/reports/{report.Reference}/files/{id}/original"));
    }

    [Fact]
    public async Task OnTheReportPage_StaffAttachAFile_SeeTheRenditionInline_AndARefusedFileIsExplained()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var marker = Guid.NewGuid().ToString("N")[..12];
        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        Assert.NotNull(page.Document.QuerySelector("#files"));

        page = await page.Form("#file-form").Attach("file", "scene " + marker + ".jpg", TestFiles.JpegWithExif("Cam" + marker, "X")).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("scene " + marker + ".jpg", page.Document.QuerySelector("#files table")!.TextContent, StringComparison.Ordinal);
        var image = page.Document.QuerySelector("#files img")!.GetAttribute("src")!;
        using var shown = await client.Client.GetAsync(new Uri(image, UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Cam" + marker, Encoding.Latin1.GetString(await shown.Content.ReadAsByteArrayAsync(Cancellation)), StringComparison.Ordinal);
        Assert.Contains("img-src 'self'", shown.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var refused = await page.Form("#file-form").Attach("file", "notes.jpg", Encoding.UTF8.GetBytes("plain text")).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#file-error"));
        // The accepted photo (original + rendition, each one name and one chunk) and nothing of the refused one.
        Assert.Equal((2, 4), await CountsAsync(report.Reference));
    }

    private Task<(int Files, int Items)> CountsAsync(string reference) => StoredFiles.CountsAsync(Factory, reference, Cancellation);

    private Task<HttpResponseMessage> UploadAsync(string token, string reference, string fileName, byte[] content) =>
        FilesThroughApi.UploadAsync(Factory, token, reference, fileName, content, "image/jpeg", Cancellation);

    private async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
    }

    private async Task<HttpStatusCode> StatusAsync(string token, string path)
    {
        using var response = await GetAsync(token, path);
        return response.StatusCode;
    }
}
