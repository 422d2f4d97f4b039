using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Content;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Content;

public sealed class ResourceLibraryTestsOnSqlite(SqliteLanternFactory factory) : ResourceLibraryTests<SqliteLanternFactory>(factory);

public sealed class ResourceLibraryTestsOnPostgres(PostgresLanternFactory factory) : ResourceLibraryTests<PostgresLanternFactory>(factory);

/// <summary>
/// The resource library (issue 13): editors add posters, brochures and videos per language; the public downloads them
/// from Lantern itself, without the makers' metadata, in ranges; only a total of downloads is kept.
/// </summary>
public abstract class ResourceLibraryTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AnImage_IsServedWithoutItsMetadata_WithAPreview_AndItsDownloadsCounted()
    {
        var (editor, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var title = "Poster " + Guid.NewGuid().ToString("N")[..8];
        var jpeg = TestFiles.JpegWithExif("SecretCameraMaker", "ModelX", 1600, 1200);

        var added = await AddAsync(client, title, "nl", "poster", "poster.jpg", jpeg);

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.NotNull(added.Document.QuerySelector("#added"));
        var visitor = new FormClient(CreateBrowserClient());
        var list = await visitor.GetAsync("/nl/resources", Cancellation);
        var item = list.Document.QuerySelectorAll("#resources li").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        var file = item.QuerySelector("h2 a")!.GetAttribute("href")!;
        Assert.Matches(@"^/resources/[0-9a-f-]{36}/poster-[0-9a-f]{8}\.jpg$", file);
        Assert.Equal("nl", item.QuerySelector(".resource-facts span")?.GetAttribute("lang"));
        Assert.Contains("KB", item.QuerySelector(".resource-facts")!.TextContent, StringComparison.Ordinal);

        var http = CreateBrowserClient();
        using var preview = await http.GetAsync(item.QuerySelector("img")!.GetAttribute("src"), Cancellation);
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType?.MediaType);
        var served = await http.GetByteArrayAsync(file, Cancellation);
        Assert.Equal([0xFF, 0xD8], served[..2]);
        Assert.DoesNotContain("SecretCameraMaker", System.Text.Encoding.ASCII.GetString(served), StringComparison.Ordinal);
        await http.GetByteArrayAsync(file, Cancellation);

        var id = Guid.Parse(file.Split('/')[2]);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Downloads).SingleAsync()));
        Assert.Equal("resource.added", await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == id.ToString()).Select(e => e.Action).SingleAsync()));
        var staffList = await client.GetAsync("/staff/resources", Cancellation);
        Assert.Equal("2", staffList.Document.QuerySelector($"#resource-{id} .downloads")?.TextContent);
        Assert.Equal(editor.Id.ToString(), await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == id.ToString()).Select(e => e.Actor).SingleAsync()));
    }

    [Fact]
    public async Task AVideo_IsServedInRanges_AndSeekingDoesNotCountAgain()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var video = FakeMp4(1_300_000);

        await AddAsync(client, "Video " + Guid.NewGuid().ToString("N")[..8], "uk", "video", "clip.mp4", video, TestFiles.Png());

        var id = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Language == "uk" && r.Category == "video").Select(r => r.Id).SingleAsync());
        var name = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.FileName).SingleAsync());
        var http = CreateBrowserClient();
        var whole = await http.GetByteArrayAsync($"/resources/{id}/{name}", Cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/resources/{id}/{name}");
        request.Headers.Range = new RangeHeaderValue(1_048_570, 1_048_589);
        using var part = await http.SendAsync(request, Cancellation);

        Assert.Equal(video, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/mp4", part.Content.Headers.ContentType?.MediaType);
        Assert.Equal(video[1_048_570..1_048_590], await part.Content.ReadAsByteArrayAsync(Cancellation));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Resources.Where(r => r.Id == id).Select(r => r.Downloads).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/resources/{id}/other-name.mp4", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task APdf_LosesItsDocumentInformation_AndNeedsAPreview()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var pdf = TestFiles.PdfWithMetadata("AuthorMarker42");
        var title = "Brochure " + Guid.NewGuid().ToString("N")[..8];

        var refused = await AddAsync(client, title, "fr", "brochure", "brochure.pdf", pdf);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("#Preview", refused.Document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Resources.CountAsync(r => r.Title == title)));

        await AddAsync(client, title, "fr", "brochure", "brochure.pdf", pdf, TestFiles.Jpeg());
        var (id, name) = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Title == title).Select(r => new { r.Id, r.FileName }).SingleAsync()) switch { var r => (r.Id, r.FileName) };
        var served = await CreateBrowserClient().GetByteArrayAsync($"/resources/{id}/{name}", Cancellation);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(served[..5]), StringComparison.Ordinal);
        Assert.DoesNotContain("AuthorMarker42", System.Text.Encoding.Latin1.GetString(served), StringComparison.Ordinal);
        Assert.Equal("brochure-" + title[9..] + ".pdf", name);
    }

    [Fact]
    public async Task AFileOfAnotherType_IsRefused_AndNothingIsStored()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var title = "Text " + Guid.NewGuid().ToString("N")[..8];

        var refused = await AddAsync(client, title, "en", "brochure", "notes.pdf", "just some text, not a PDF"u8.ToArray(), TestFiles.Jpeg());
        var noFile = await (await client.GetAsync("/staff/resources", Cancellation)).Form("#resource-form")
            .Set("Input.Title", title).Set("Input.Language", "en").Set("Input.Category", "poster").SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("#File", refused.Document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.Status);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Resources.CountAsync(r => r.Title == title)));
    }

    [Fact]
    public async Task ALanguageWithoutMaterial_OffersTheLanguagesThatHaveSome_AndATakenOutResourceIsGone()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Editor);
        var title = "Leaflet " + Guid.NewGuid().ToString("N")[..8];
        var added = await AddAsync(client, title, "ro", "image", "leaflet.png", TestFiles.Png(400, 300));
        var visitor = new FormClient(CreateBrowserClient());

        var tigrinya = await visitor.GetAsync("/ti/resources", Cancellation);
        Assert.Equal(HttpStatusCode.OK, tigrinya.Status);
        Assert.NotNull(tigrinya.Document.QuerySelector("#no-resources"));
        Assert.Equal("/ro/resources", tigrinya.Document.QuerySelector("#other-languages a[hreflang=ro]")?.GetAttribute("href"));

        var id = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());
        await added.Form($"#delete-{id}").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, (await CreateBrowserClient().GetAsync($"/resources/{id}/preview.jpg", Cancellation)).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ResourceChunks.CountAsync(c => c.ResourceId == id)));
        Assert.Equal(["resource.added", "resource.deleted"], await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
    }

    private static async Task<HtmlPage> AddAsync(FormClient client, string title, string language, string category, string fileName, byte[] content, byte[]? preview = null)
    {
        var form = (await client.GetAsync("/staff/resources", Cancellation)).Form("#resource-form")
            .Set("Input.Title", title).Set("Input.Language", language).Set("Input.Category", category).Attach("Input.File", fileName, content);
        if (preview is not null)
        {
            form.Attach("Input.Preview", "preview.png", preview);
        }

        return await form.SubmitAsync(Cancellation);
    }

    /// <summary>An ISO base media header and random bytes: the library judges a video by its first bytes only.</summary>
    private static byte[] FakeMp4(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        byte[] header = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2"u8];
        header.CopyTo(bytes, 0);
        return bytes;
    }
}
