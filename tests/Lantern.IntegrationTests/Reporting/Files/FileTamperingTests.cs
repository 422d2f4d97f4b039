using System.Net;
using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Files;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting.Files;

/// <summary>Lantern on SQLite with 16 KiB chunks, so a file of a few chunks is small.</summary>
public sealed class SmallChunksSqliteFactory : SqliteLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Files:ChunkKilobytes"] = "16" };
}

/// <summary>Lantern on PostgreSQL with 16 KiB chunks.</summary>
public sealed class SmallChunksPostgresFactory : PostgresLanternFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Files:ChunkKilobytes"] = "16" };
}

public sealed class FileTamperingTestsOnSqlite(SmallChunksSqliteFactory factory) : FileTamperingTests<SmallChunksSqliteFactory>(factory);

public sealed class FileTamperingTestsOnPostgres(SmallChunksPostgresFactory factory) : FileTamperingTests<SmallChunksPostgresFactory>(factory);

/// <summary>
/// Evidence cannot change without reading it failing: someone who can write to the database (not holding the key)
/// cuts a file short (at its end or its start), moves a chunk of another file into it, swaps its chunks,
/// changes its recorded length, or gives it another file's name. Every one of these makes reading the file (or its
/// name) throw <see cref="CryptographicException"/>, never return other bytes.
/// </summary>
public abstract class FileTamperingTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const int FourChunks = (3 * 16 * 1024) + 5000;

    [Fact]
    public async Task AnUntouchedFile_ReadsBackExactly()
    {
        var (reportId, first, _, content) = await TwoFilesAsync();

        Assert.Equal(content, await ReadAsync(reportId, first));
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("drop-first")]
    [InlineData("splice")]
    [InlineData("reorder")]
    [InlineData("shorten-length")]
    [InlineData("lengthen-length")]
    public async Task AFileWhoseChunksWereTamperedWith_FailsToOpen(string tampering)
    {
        var (reportId, first, second, _) = await TwoFilesAsync();
        var a = await RowAsync(first);
        var b = await RowAsync(second);
        Assert.Equal(4, a.ChunkCount);

        await Factory.WithDbAsync(async db =>
        {
            switch (tampering)
            {
                case "truncate":
                    // The last chunk removed, the row saying the file ends at the end of the chunk before.
                    await Chunks(db, reportId, a.FirstChunkSequence + 3).ExecuteDeleteAsync(Cancellation);
                    await db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(s => s.SetProperty(f => f.ChunkCount, 3).SetProperty(f => f.Length, 3 * 16 * 1024), Cancellation);
                    break;
                case "drop-first":
                    // The first chunk removed, the row starting at the second.
                    await Chunks(db, reportId, a.FirstChunkSequence).ExecuteDeleteAsync(Cancellation);
                    await db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(
                        s => s.SetProperty(f => f.FirstChunkSequence, f => f.FirstChunkSequence + 1).SetProperty(f => f.ChunkCount, 3).SetProperty(f => f.Length, f => f.Length - (16 * 1024)), Cancellation);
                    break;
                case "splice":
                    // The second chunk replaced by the other file's second chunk, renumbered into place.
                    await Chunks(db, reportId, a.FirstChunkSequence + 1).ExecuteDeleteAsync(Cancellation);
                    await Chunks(db, reportId, b.FirstChunkSequence + 1).ExecuteUpdateAsync(s => s.SetProperty(i => i.Sequence, a.FirstChunkSequence + 1), Cancellation);
                    break;
                case "reorder":
                    var one = await Chunks(db, reportId, a.FirstChunkSequence).Select(i => i.Ciphertext).SingleAsync(Cancellation);
                    var two = await Chunks(db, reportId, a.FirstChunkSequence + 1).Select(i => i.Ciphertext).SingleAsync(Cancellation);
                    await Chunks(db, reportId, a.FirstChunkSequence).ExecuteUpdateAsync(s => s.SetProperty(i => i.Ciphertext, two), Cancellation);
                    await Chunks(db, reportId, a.FirstChunkSequence + 1).ExecuteUpdateAsync(s => s.SetProperty(i => i.Ciphertext, one), Cancellation);
                    break;
                case "shorten-length":
                    await db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(s => s.SetProperty(f => f.Length, f => f.Length - 1), Cancellation);
                    break;
                case "lengthen-length":
                    await db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(s => s.SetProperty(f => f.Length, f => f.Length + 1), Cancellation);
                    break;
            }

            return 0;
        });

        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAsync(reportId, first));
    }

    [Fact]
    public async Task AFileGivenAnotherFilesName_FailsToOpenItsName()
    {
        var (reportId, first, second, _) = await TwoFilesAsync();
        var b = await RowAsync(second);

        await Factory.WithDbAsync(db => db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(s => s.SetProperty(f => f.NameSequence, b.NameSequence), Cancellation));

        await using var scope = Factory.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ReportFileStore>();
        var dataKey = await DataKeyAsync(reportId);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.ListAsync(reportId, dataKey, Cancellation));
    }

    [Fact]
    public async Task AFileStoredInTheEarlierFormat_StaysReadable()
    {
        // Written as Lantern wrote files before the bound format: chunks and name bound to (report, kind, sequence).
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var reportId = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Id).SingleAsync(Cancellation));
        var dataKey = await DataKeyAsync(reportId);
        var content = TestFiles.LargePdf(FourChunks);
        const int First = 1000;
        const int ChunkBytes = 16 * 1024;
        var chunks = content.Chunk(ChunkBytes).ToList();
        var file = new ReportFile
        {
            Id = Guid.CreateVersion7(),
            ReportId = reportId,
            ContentType = "application/pdf",
            Length = content.Length,
            NameSequence = First,
            FirstChunkSequence = First,
            ChunkCount = chunks.Count,
            CreatedAt = DateTime.UtcNow,
            Complete = true,
            Format = ReportFileFormat.Legacy,
        };
        await Factory.WithDbAsync(async db =>
        {
            db.ReportFiles.Add(file);
            db.ReportItems.Add(new Lantern.Web.Core.Reports.ReportItem
            {
                ReportId = reportId,
                Kind = (int)ItemKind.FileName,
                Sequence = First,
                CreatedAt = file.CreatedAt,
                Ciphertext = ItemCipher.Encrypt(dataKey, reportId, ItemKind.FileName, First, "earlier.pdf"u8),
            });
            for (var i = 0; i < chunks.Count; i++)
            {
                db.ReportItems.Add(new Lantern.Web.Core.Reports.ReportItem
                {
                    ReportId = reportId,
                    Kind = (int)ItemKind.FileChunk,
                    Sequence = First + i,
                    CreatedAt = file.CreatedAt,
                    Ciphertext = ItemCipher.Encrypt(dataKey, reportId, ItemKind.FileChunk, First + i, chunks[i]),
                });
            }

            return await db.SaveChangesAsync(Cancellation);
        });

        await using var scope = Factory.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ReportFileStore>();
        Assert.Equal("earlier.pdf", Assert.Single(await store.ListAsync(reportId, dataKey, Cancellation)).Name);
        Assert.Equal(content, await ReadAsync(reportId, file.Id));
    }

    [Fact]
    public async Task ANewFileMarkedAsEarlierFormat_FailsToOpen()
    {
        var (reportId, first, _, _) = await TwoFilesAsync();

        await Factory.WithDbAsync(db => db.ReportFiles.Where(f => f.Id == first).ExecuteUpdateAsync(s => s.SetProperty(f => f.Format, ReportFileFormat.Legacy), Cancellation));

        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAsync(reportId, first));
    }

    private static IQueryable<Lantern.Web.Core.Reports.ReportItem> Chunks(LanternDbContext db, Guid reportId, int sequence) =>
        db.ReportItems.Where(i => i.ReportId == reportId && i.Kind == (int)ItemKind.FileChunk && i.Sequence == sequence);

    /// <summary>Two files of four chunks each, uploaded one after the other (so the second is stored right after the first).</summary>
    private async Task<(Guid ReportId, Guid First, Guid Second, byte[] Content)> TwoFilesAsync()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var token = await StaffSessions.TokenAsync(Factory, await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst));
        var content = TestFiles.LargePdf(FourChunks);
        foreach (var name in new[] { "first.pdf", "second.pdf" })
        {
            using var response = await FilesThroughApi.UploadAsync(Factory, token, report.Reference, name, content, "application/pdf", Cancellation);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return await Factory.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Id).SingleAsync(Cancellation);
            var ids = await db.ReportFiles.Where(f => f.ReportId == reportId).OrderBy(f => f.FirstChunkSequence).Select(f => f.Id).ToListAsync(Cancellation);
            return (reportId, ids[0], ids[1], content);
        });
    }

    private Task<ReportFile> RowAsync(Guid id) => Factory.WithDbAsync(db => db.ReportFiles.AsNoTracking().SingleAsync(f => f.Id == id, Cancellation));

    private Task<byte[]> DataKeyAsync(Guid reportId) => Factory.WithDbAsync(async db =>
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId, Cancellation);
        await using var scope = Factory.CreateScope();
        return ReportDataKey.Open(scope.ServiceProvider.GetRequiredService<KeyRing>(), report.Id, report.StaffKeyId, report.SealedDataKey);
    });

    /// <summary>The whole file as a reader gets it, through the store.</summary>
    private async Task<byte[]> ReadAsync(Guid reportId, Guid fileId)
    {
        await using var scope = Factory.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ReportFileStore>();
        var file = await Factory.WithDbAsync(db => db.ReportFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, Cancellation));
        await using var content = store.OpenRead(reportId, await DataKeyAsync(reportId), file);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Cancellation);
        return copy.ToArray();
    }
}
