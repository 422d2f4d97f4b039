using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Reports;
using Lantern.Web.Detection;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Reporting.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting;

/// <summary>
/// The writer commits reports that arrive together in one transaction on SQLite: every report is stored
/// whole, and a report that cannot be stored fails alone without taking the others with it.
/// </summary>
public abstract class ReportWriterTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task ManyReportsAtOnce_AreAllStoredWhole()
    {
        var writer = Factory.Services.GetRequiredService<ReportWriter>();
        var before = await ReportRows.CountAsync(Factory, Cancellation);
        var reports = Enumerable.Range(0, 40).Select(_ => Build()).ToList();

        await Task.WhenAll(reports.Select(r => writer.SaveAsync(r.Report, r.Index, Cancellation)));

        var after = await ReportRows.CountAsync(Factory, Cancellation);
        Assert.Equal(before.Reports + 40, after.Reports);
        Assert.Equal(before.Items + 40, after.Items);
        Assert.Equal(before.EntityIndex + 80, after.EntityIndex);
    }

    [Fact]
    public async Task AReportThatCollides_FailsAlone_AndTheOthersAreStored()
    {
        var writer = Factory.Services.GetRequiredService<ReportWriter>();
        var stored = Build();
        await writer.SaveAsync(stored.Report, stored.Index, Cancellation);
        var others = Enumerable.Range(0, 10).Select(_ => Build()).ToList();
        var culprit = Build(reference: stored.Report.Reference);

        var saves = others.Select(r => writer.SaveAsync(r.Report, r.Index, Cancellation)).ToList();
        var failing = writer.SaveAsync(culprit.Report, culprit.Index, Cancellation);

        await Assert.ThrowsAsync<DbUpdateException>(() => failing);
        await Task.WhenAll(saves);
        var ids = others.Select(r => r.Report.Id).ToList();
        var count = await Factory.WithDbAsync(db => db.Reports.CountAsync(r => ids.Contains(r.Id), Cancellation));
        Assert.Equal(10, count);
        var culpritRows = await Factory.WithDbAsync(db => db.EntityIndex.CountAsync(e => e.ReportId == culprit.Report.Id, Cancellation));
        Assert.Equal(0, culpritRows);
    }

    private static (Report Report, List<EntityIndexEntry> Index) Build(string? reference = null)
    {
        var id = Guid.CreateVersion7();
        var report = new Report
        {
            Id = id,
            Reference = reference ?? ReferenceGenerator.Next(),
            ReceivedAt = DateTime.UtcNow,
            Channel = ReportCodes.Channels.Api,
            Role = "witness",
            Language = "en",
            Country = "BE",
            UrgencyReasons = string.Empty,
            Status = ReportStatus.New,
            ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
            StaffKeyId = "test",
            SealedDataKey = RandomNumberGenerator.GetBytes(KeySealer.SealedSize),
            ReceiptWrappedKey = RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
            Forms = [new ReportForm { Code = "labour" }],
            Items = [new ReportItem { Kind = (int)ItemKind.Answers, Sequence = 0, CreatedAt = DateTime.UtcNow, Ciphertext = RandomNumberGenerator.GetBytes(64) }],
        };
        var index = Enumerable.Range(0, 2).Select(_ => new EntityIndexEntry { ReportId = id, Kind = "phone", Hash = RandomNumberGenerator.GetBytes(16) }).ToList();
        return (report, index);
    }
}

public sealed class ReportWriterTestsOnSqlite(SqliteLanternFactory factory) : ReportWriterTests<SqliteLanternFactory>(factory);

public sealed class ReportWriterTestsOnPostgres(PostgresLanternFactory factory) : ReportWriterTests<PostgresLanternFactory>(factory);
