using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Lantern with small file limits (1 MiB per file, 2 MiB per report), so the limits can be reached quickly.</summary>
public sealed class SmallFileLimitsFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:Files:MaxFileMegabytes"] = "1",
        ["Lantern:Files:MaxReportMegabytes"] = "2",
    };
}

/// <summary>
/// The limits of <c>Lantern:Files</c>: one file over the per-file limit, and a file that no longer fits in the
/// report's allowance beside the ones already stored, are refused with 413 and a message naming the limit,
/// and leave nothing stored.
/// </summary>
public sealed class ReportFileLimitTests(SmallFileLimitsFactory factory) : LanternTestBase<SmallFileLimitsFactory>(factory)
{
    private const int AlmostOneMegabyte = 900 * 1024;

    [Fact]
    public async Task AFileOverThePerFileLimit_IsRefused()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));

        using var refused = await UploadAsync(token, report.Reference, "big.pdf", TestFiles.LargePdf(1200 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("at most 1 MB", await TitleAsync(refused), StringComparison.Ordinal);
        Assert.Equal((0, 0), await CountsAsync(report.Reference));
    }

    [Fact]
    public async Task AFileThatNoLongerFitsInTheReport_IsRefused_AndTheOthersStay()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var pdf = TestFiles.LargePdf(AlmostOneMegabyte);

        using var first = await UploadAsync(token, report.Reference, "one.pdf", pdf);
        using var second = await UploadAsync(token, report.Reference, "two.pdf", pdf);
        var stored = await CountsAsync(report.Reference);
        using var third = await UploadAsync(token, report.Reference, "three.pdf", pdf);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, third.StatusCode);
        Assert.Contains("at most 2 MB", await TitleAsync(third), StringComparison.Ordinal);
        Assert.Equal(stored, await CountsAsync(report.Reference));
        Assert.Equal(2, stored.Files);
    }

    private Task<HttpResponseMessage> UploadAsync(string token, string reference, string fileName, byte[] content) =>
        FilesThroughApi.UploadAsync(Factory, token, reference, fileName, content, "application/pdf", Cancellation);

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.GetProperty("title").GetString()!;

    private Task<(int Files, int Items)> CountsAsync(string reference) => StoredFiles.CountsAsync(Factory, reference, Cancellation);
}
