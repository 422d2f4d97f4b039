using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Lantern decoding one image at a time, and letting an upload wait one second for its turn.</summary>
public sealed class OneImageDecodeFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:Files:MaxConcurrentImageDecodes"] = "1",
        ["Lantern:Files:ImageDecodeWaitSeconds"] = "1",
    };
}

/// <summary>
/// Image decodes are bounded in number: while every slot is taken, an image upload waits, and one that waits too
/// long is refused with 503 and a message (never a 500), leaving nothing stored. PDFs (cleaned in memory) wait likewise.
/// </summary>
public sealed class ImageDecodeLimitTests(OneImageDecodeFactory factory) : LanternTestBase<OneImageDecodeFactory>(factory)
{
    [Fact]
    public async Task WhileEveryDecodeSlotIsTaken_AnImageUploadAnswers503_AndKeepsNothing_AndGoesThroughOnceASlotIsFree()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var renditions = Factory.Services.GetRequiredService<ImageRenditions>();

        HttpResponseMessage busyImage, busyPdf;
        using (await renditions.EnterAsync(Cancellation))
        {
            busyImage = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "photo.jpg", TestFiles.Jpeg(), "image/jpeg", Cancellation);

            // Cleaning a PDF of its metadata parses it whole in memory too: it takes the same slots.
            busyPdf = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "statement.pdf", TestFiles.PdfWithMetadata("Someone"), "application/pdf", Cancellation);
        }

        foreach (var busy in new[] { busyImage, busyPdf })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            var title = JsonDocument.Parse(await busy.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("title").GetString();
            Assert.Contains("busy", title, StringComparison.Ordinal);
            busy.Dispose();
        }

        Assert.Equal((0, 0), await StoredFiles.CountsAsync(Factory, report.Reference, Cancellation));

        using var later = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "photo.jpg", TestFiles.Jpeg(), "image/jpeg", Cancellation);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(2, (await StoredFiles.CountsAsync(Factory, report.Reference, Cancellation)).Files);
    }
}
