using System.Net;
using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Lantern on PostgreSQL with small file limits (1 MiB per file, 2 MiB per report).</summary>
public sealed class SmallFileLimitsPostgresFactory : PostgresLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Lantern:Files:MaxFileMegabytes"] = "1",
        ["Lantern:Files:MaxReportMegabytes"] = "2",
    };
}

public sealed class ConcurrentUploadTestsOnSqlite(SmallFileLimitsFactory factory) : ConcurrentUploadTests<SmallFileLimitsFactory>(factory);

public sealed class ConcurrentUploadTestsOnPostgres(SmallFileLimitsPostgresFactory factory) : ConcurrentUploadTests<SmallFileLimitsPostgresFactory>(factory);

/// <summary>
/// Uploads to one report at the same moment. Two uploads that pick the same block of sequences collide on the unique
/// index; the one that loses picks again, however often that happens, and never answers 500. The collision is made to
/// happen on every run, as often as wanted: through the store's test seam, the test takes the very block an upload
/// has chosen (as a concurrent upload does) just before that upload saves it.
/// </summary>
public abstract class ConcurrentUploadTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const int AlmostOneMegabyte = 900 * 1024;

    [Fact]
    public async Task AnUploadWhoseBlockIsTakenAgainAndAgain_IsStored_NeverA500()
    {
        const int Collisions = 8;
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var pdf = TestFiles.LargePdf(64 * 1024);
        var store = Factory.Services.GetRequiredService<ReportFileStore>();
        var chosen = new List<int>();
        store.BeforeReservationSaved = async (reportId, first) =>
        {
            chosen.Add(first);
            if (chosen.Count <= Collisions)
            {
                await TakeBlockAsync(reportId, first);
            }
        };
        HttpResponseMessage response;
        try
        {
            response = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, "statement.pdf", pdf, "application/pdf", Cancellation);
        }
        finally
        {
            store.BeforeReservationSaved = null;
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        response.Dispose();

        // It collided every time it was made to, picked a later block each time, and was stored whole.
        Assert.Equal(Collisions + 1, chosen.Count);
        Assert.True(chosen.Zip(chosen.Skip(1)).All(pair => pair.Second > pair.First), string.Join(",", chosen));
        var stored = await Factory.WithDbAsync(db => db.ReportFiles.AsNoTracking()
            .Where(f => db.Reports.Any(r => r.Id == f.ReportId && r.Reference == report.Reference) && f.Complete).ToListAsync(Cancellation));
        Assert.Equal(pdf.Length, Assert.Single(stored).Length);
    }

    [Fact]
    public async Task UploadsRunningAtTheSameTime_NeverTakeTheReportBeyondItsLimit()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var pdf = TestFiles.LargePdf(AlmostOneMegabyte);

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            FilesThroughApi.UploadAsync(Factory, token, report.Reference, $"file{i}.pdf", pdf, "application/pdf", Cancellation)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.RequestEntityTooLarge, r.StatusCode.ToString()));
        var stored = await Factory.WithDbAsync(db => db.ReportFiles
            .Where(f => db.Reports.Any(r => r.Id == f.ReportId && r.Reference == report.Reference) && f.OriginalId == null)
            .Select(f => f.Length).ToListAsync(Cancellation));
        Assert.InRange(stored.Count, 0, 2);
        Assert.True(stored.Sum() <= 2 * 1024 * 1024);
        Assert.Equal(stored.Count, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>What a concurrent upload that chose the same block saves first: its name item at the block's first sequence.</summary>
    private Task<int> TakeBlockAsync(Guid reportId, int first) => Factory.WithDbAsync(db =>
    {
        db.ReportItems.Add(new Lantern.Web.Core.Reports.ReportItem
        {
            ReportId = reportId,
            Kind = (int)ItemKind.FileName,
            Sequence = first,
            CreatedAt = DateTime.UtcNow,
            Ciphertext = RandomNumberGenerator.GetBytes(48),
        });
        return db.SaveChangesAsync(Cancellation);
    });
}
