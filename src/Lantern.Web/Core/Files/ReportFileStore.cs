using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Stores and reads a report's files, encrypted in chunks under the report's data key (ItemCipher, item kind
/// <c>FileChunk</c>; the name as one <c>FileName</c> item).
/// <para>
/// Writing streams: one chunk (<see cref="FilesOptions.ChunkKilobytes"/>) is read, checked, encrypted and saved
/// at a time (with the next one read ahead, to know whether it is the last). Each chunk is bound to its file, its
/// index and whether it ends the file (<see cref="ReportFileFormat.Bound"/>), so evidence cannot be cut, extended or
/// spliced without reading it failing; files stored earlier stay readable in <see cref="ReportFileFormat.Legacy"/>. The type is decided from the first chunk's bytes before anything is written; limits are counted
/// as the bytes arrive; the file must end like its type ends. A file first reserves a block of sequences
/// (large enough for the largest file) by saving its row and its name item, whose unique index
/// (ReportId, Kind, Sequence) makes two concurrent writers of the same report pick different blocks. It is
/// marked <see cref="ReportFile.Complete"/> only at the very end; whatever fails on the way (limit, type,
/// truncation, the sender going away, the database) removes every row written so far, and
/// <see cref="SweepIncompleteAsync"/> removes what a crashed process left.
/// </para>
/// The store works in its own database scope so its per-chunk saves never flush a caller's pending changes.
/// </summary>
public sealed class ReportFileStore(
    IServiceScopeFactory scopes,
    ImageRenditions renditions,
    IOptions<FilesOptions> options,
    TimeProvider clock,
    Lantern.Web.Core.Audit.AuditTrail audit,
    ILogger<ReportFileStore> logger)
{
    /// <summary>
    /// Test seam (issue 10, item 13): awaited with the report and the first sequence of the block just chosen, before the
    /// reservation is saved. A test takes that block from another connection here, so that the collision of two
    /// concurrent uploads happens on every run, as often as the test wants, instead of by luck. Never set outside tests.
    /// </summary>
    internal Func<Guid, int, Task>? BeforeReservationSaved { get; set; }

    /// <summary>
    /// Stores <paramref name="content"/> as a file of the report (and, for an image, its metadata-free rendition).
    /// <paramref name="authorId"/> is the staff member who attached it (null: the reporter);
    /// <paramref name="messageItemId"/> the message it was sent with, if any. <paramref name="audited"/> stages the
    /// file's audit entries (<see cref="Lantern.Web.Core.Audit.AuditTrail.Add"/>) in the transaction that completes it, so that the
    /// file appears and is audited together; null for the reporter's files.
    /// </summary>
    /// <exception cref="FileRefusedException">Refused (type, size, truncated, image): nothing was kept.</exception>
    public async Task<ReportFileInfo> AddAsync(
        Guid reportId, ReadOnlyMemory<byte> dataKey, Stream content, string? fileName, Guid? authorId, long? messageItemId, CancellationToken cancellationToken,
        Action<LanternDbContext, ReportFileInfo>? audited = null)
    {
        var limits = options.Value;
        var buffer = new byte[limits.ChunkBytes];
        var first = await ReadChunkAsync(content, buffer, cancellationToken);
        if (first == 0)
        {
            throw new FileRefusedException(FileRefusal.Empty);
        }

        var type = FileTypes.Sniff(buffer.AsSpan(0, first)) ?? throw new FileRefusedException(FileRefusal.Type);
        var name = FileNames.Normalise(fileName, type);
        var original = await WriteAsync(reportId, dataKey, type, name, authorId, messageItemId, null, buffer, first, content, countTowardsReport: true, cancellationToken);
        try
        {
            Guid? renditionId = null;
            string? renditionType = null;
            if (await CleanCopyAsync(reportId, dataKey, original, type, cancellationToken) is { } copy)
            {
                var renditionName = Path.ChangeExtension(name, copy.Type.Extension);
                await using var renditionContent = new MemoryStream(copy.Content, writable: false);
                var made = await ReadChunkAsync(renditionContent, buffer, cancellationToken);
                var stored = await WriteAsync(reportId, dataKey, copy.Type, renditionName, authorId, messageItemId, original.Id, buffer, made, renditionContent, countTowardsReport: false, cancellationToken);
                renditionId = stored.Id;
                renditionType = stored.ContentType;
            }

            var info = new ReportFileInfo(original.Id, name, type.ContentType, original.Length, original.CreatedAt, authorId, messageItemId, renditionId, renditionType);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            if (audited is null)
            {
                await db.ReportFiles.Where(f => f.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Complete, true), CancellationToken.None);
                return info;
            }

            await using var transaction = await audit.BeginTransactionAsync(db, CancellationToken.None);
            await db.ReportFiles.Where(f => f.Id == original.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Complete, true), CancellationToken.None);
            audited(db, info);
            await audit.SaveAsync(db);
            await transaction.CommitAsync(CancellationToken.None);
            return info;
        }
        catch
        {
            await RemoveAsync(reportId, original.Id);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// The copy without metadata: an image's rendition (refused when it cannot be made), a PDF's or a recording's
    /// cleaned copy (null when it cannot be made: the file is kept and flagged). Both parse the whole file in memory,
    /// so both take one of the process-wide decode slots of <see cref="ImageRenditions"/>.
    /// </summary>
    private async Task<Rendition?> CleanCopyAsync(Guid reportId, ReadOnlyMemory<byte> dataKey, ReportFile original, FileType type, CancellationToken cancellationToken)
    {
        await using var read = OpenRead(reportId, dataKey.Span, original);
        if (type.IsImage)
        {
            return await renditions.CreateAsync(read, type, cancellationToken);
        }

        using var slot = await renditions.EnterAsync(cancellationToken);
        return MetadataCleaner.Clean(read, type) is { } cleaned ? new Rendition(type, cleaned) : null;
    }

    /// <summary>The complete files of a report (originals, each with its rendition), oldest first, names decrypted.</summary>
    public async Task<IReadOnlyList<ReportFileInfo>> ListAsync(Guid reportId, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var files = await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == reportId && f.Complete).ToListAsync(cancellationToken);
        var originals = files.Where(f => f.OriginalId is null).OrderBy(f => f.CreatedAt).ThenBy(f => f.FirstChunkSequence).ToList();
        var sequences = originals.Select(f => f.NameSequence).ToList();
        var names = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == reportId && i.Kind == (int)ItemKind.FileName && sequences.Contains(i.Sequence))
            .ToDictionaryAsync(i => i.Sequence, i => i.Ciphertext, cancellationToken);
        return [.. originals.Select(f =>
        {
            var rendition = files.FirstOrDefault(r => r.OriginalId == f.Id);
            return new ReportFileInfo(
                f.Id, DecryptName(reportId, dataKey.Span, f, names.GetValueOrDefault(f.NameSequence)), f.ContentType, f.Length,
                f.CreatedAt, f.AuthorId, f.MessageItemId, rendition?.Id, rendition?.ContentType);
        })];
    }

    /// <summary>A complete file of the report (an original or a rendition), or null.</summary>
    public async Task<ReportFile?> FindAsync(Guid reportId, Guid fileId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await db.ReportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ReportId == reportId && f.Complete, cancellationToken);
    }

    /// <summary>The decrypted name of a stored file.</summary>
    public async Task<string> NameAsync(ReportFile file, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var ciphertext = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == file.ReportId && i.Kind == (int)ItemKind.FileName && i.Sequence == file.NameSequence)
            .Select(i => i.Ciphertext).FirstOrDefaultAsync(cancellationToken);
        return DecryptName(file.ReportId, dataKey.Span, file, ciphertext);
    }

    /// <summary>
    /// The plaintext of <paramref name="file"/>, decrypted chunk by chunk as it is read. Reading a chunk that was
    /// tampered with throws <see cref="CryptographicException"/>. The stream keeps its own copy of the key.
    /// </summary>
    public Stream OpenRead(Guid reportId, ReadOnlySpan<byte> dataKey, ReportFile file) =>
        new ReportFileReadStream(scopes, dataKey, reportId, file);

    /// <summary>How much of the per-report allowance the report's files already use (renditions not counted).</summary>
    public async Task<long> UsedBytesAsync(Guid reportId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return await UsedAsync(db, reportId, cancellationToken);
    }

    /// <summary>Removes files left incomplete (by a process that stopped mid-upload) for longer than the configured time.</summary>
    public async Task<int> SweepIncompleteAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.IncompleteAfterMinutes);
        List<(Guid ReportId, Guid Id)> stale;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            stale = (await db.ReportFiles.AsNoTracking().Where(f => !f.Complete && f.CreatedAt < before)
                .Select(f => new { f.ReportId, f.Id }).ToListAsync(cancellationToken)).Select(f => (f.ReportId, f.Id)).ToList();
        }

        foreach (var (reportId, id) in stale)
        {
            await RemoveAsync(reportId, id);
        }

        return stale.Count;
    }

    /// <summary>Removes a file, its renditions, and all their chunks and names (whether complete or not).</summary>
    public async Task RemoveAsync(Guid reportId, Guid fileId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var rows = await db.ReportFiles.AsNoTracking().Where(f => f.ReportId == reportId && (f.Id == fileId || f.OriginalId == fileId))
            .ToListAsync(CancellationToken.None);
        foreach (var row in rows.OrderBy(r => r.OriginalId is null))
        {
            // Chunks and name first, the row last: if this stops halfway the row is still there to be swept.
            var (from, to) = (row.FirstChunkSequence, row.FirstChunkSequence + row.ChunkCount);
            await db.ReportItems.Where(i => i.ReportId == reportId
                    && ((i.Kind == (int)ItemKind.FileChunk && i.Sequence >= from && i.Sequence < to)
                        || (i.Kind == (int)ItemKind.FileName && i.Sequence == row.NameSequence)))
                .ExecuteDeleteAsync(CancellationToken.None);
            await db.ReportFiles.Where(f => f.Id == row.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    private async Task<ReportFile> WriteAsync(
        Guid reportId, ReadOnlyMemory<byte> dataKey, FileType type, string name, Guid? authorId, long? messageItemId, Guid? originalId,
        byte[] buffer, int read, Stream content, bool countTowardsReport, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var allowance = countTowardsReport ? limits.MaxReportBytes - await UsedAsync(db, reportId, cancellationToken) : long.MaxValue;
        if (allowance <= 0)
        {
            throw new FileRefusedException(FileRefusal.ReportTooLarge);
        }

        var file = await ReserveAsync(db, reportId, dataKey, type, name, authorId, messageItemId, originalId, cancellationToken);

        // The next chunk is read before the current one is encrypted: only then is it known whether the current one
        // is the last, which the bound format seals into it (two chunks in memory, not one).
        var ahead = new byte[buffer.Length];
        try
        {
            var inspector = new FileInspector(type);
            var sequence = file.FirstChunkSequence;
            long total = 0;
            while (read > 0)
            {
                total += read;
                if (total > limits.MaxFileBytes)
                {
                    throw new FileRefusedException(FileRefusal.FileTooLarge);
                }

                if (total > allowance)
                {
                    throw new FileRefusedException(FileRefusal.ReportTooLarge);
                }

                inspector.Append(buffer.AsSpan(0, read));
                var next = await ReadChunkAsync(content, ahead, cancellationToken);
                var binding = FileBinding.Chunk(file, sequence - file.FirstChunkSequence, last: next == 0);
                var chunk = new ReportItem
                {
                    ReportId = reportId,
                    Kind = (int)ItemKind.FileChunk,
                    Sequence = sequence,
                    CreatedAt = file.CreatedAt,
                    AuthorId = authorId,
                    Ciphertext = ItemCipher.Encrypt(dataKey.Span, reportId, ItemKind.FileChunk, sequence, binding, buffer.AsSpan(0, read)),
                };
                db.ReportItems.Add(chunk);
                await db.SaveChangesAsync(cancellationToken);
                // Forget the saved chunk at once so memory stays at one chunk however large the file.
                db.Entry(chunk).State = EntityState.Detached;
                sequence++;
                (buffer, ahead, read) = (ahead, buffer, next);
            }

            if (!inspector.IsWhole())
            {
                throw new FileRefusedException(FileRefusal.Truncated);
            }

            file.Length = total;
            file.ChunkCount = sequence - file.FirstChunkSequence;
            file.Complete = originalId is not null;
            await db.SaveChangesAsync(CancellationToken.None);

            // Uploads to the same report that ran alongside this one were not in the allowance read at the start:
            // counted again now that this file's length is saved. Two finishing at the same moment may both be
            // refused; the report never holds more than its limit.
            if (countTowardsReport && await UsedAsync(db, reportId, CancellationToken.None) > limits.MaxReportBytes)
            {
                throw new FileRefusedException(FileRefusal.ReportTooLarge);
            }

            return file;
        }
        catch (Exception exception)
        {
            if (exception is not FileRefusedException && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("A file upload to a report stopped ({Error}); removing what was written.", exception.GetType().Name);
            }

            await RemoveAsync(reportId, file.Id);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            CryptographicOperations.ZeroMemory(ahead);
        }
    }

    /// <summary>
    /// Saves the file's row (incomplete) and its encrypted name, claiming a block of sequences after every block
    /// already claimed. Two writers that picked the same block collide on the name item's unique index; the
    /// loser picks again, as often as it takes: each collision means another writer's block was saved, so the
    /// next pick is past it, and every round lets one writer through. There is no count after which a concurrent
    /// upload gives up (which would be a server error for a request that did nothing wrong); the request's own
    /// cancellation still ends the loop.
    /// </summary>
    private async Task<ReportFile> ReserveAsync(
        LanternDbContext db, Guid reportId, ReadOnlyMemory<byte> dataKey, FileType type, string name, Guid? authorId, long? messageItemId, Guid? originalId,
        CancellationToken cancellationToken)
    {
        var reserve = options.Value.MaxChunks;
        while (true)
        {
            // (The set, not the extension property ReportFiles: an expression tree cannot hold an extension member.)
            // Both ends are read in ONE statement, so from one snapshot. Read one after the other, a block saved in
            // between (another upload's reservation, then its first chunks) could be missed by the first read and seen
            // only through its chunks by the second: this writer would then start inside that block, on a sequence
            // where no name item collides, and fail later on a chunk's sequence (a 500 seen on PostgreSQL).
            var ends = await db.Reports.Where(r => r.Id == reportId).Select(r => new
            {
                Claimed = db.Set<ReportFile>().Where(f => f.ReportId == reportId).Max(f => (int?)(f.FirstChunkSequence + f.ChunkCount)),
                Written = db.ReportItems.Where(i => i.ReportId == reportId && (i.Kind == (int)ItemKind.FileChunk || i.Kind == (int)ItemKind.FileName))
                    .Max(i => (int?)i.Sequence),
            }).SingleAsync(cancellationToken);
            var first = Math.Max(ends.Claimed ?? 0, (ends.Written ?? -1) + 1);
            var now = clock.GetUtcNow().UtcDateTime;
            var file = new ReportFile
            {
                Id = Guid.CreateVersion7(),
                ReportId = reportId,
                MessageItemId = messageItemId,
                AuthorId = authorId,
                OriginalId = originalId,
                ContentType = type.ContentType,
                NameSequence = first,
                FirstChunkSequence = first,
                ChunkCount = reserve,
                CreatedAt = now,
                Format = ReportFileFormat.Bound,
            };
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var nameItem = new ReportItem
            {
                ReportId = reportId,
                Kind = (int)ItemKind.FileName,
                Sequence = first,
                CreatedAt = now,
                AuthorId = authorId,
                Ciphertext = ItemCipher.Encrypt(dataKey.Span, reportId, ItemKind.FileName, first, FileBinding.Name(file), nameBytes),
            };
            CryptographicOperations.ZeroMemory(nameBytes);
            db.ReportFiles.Add(file);
            db.ReportItems.Add(nameItem);
            if (BeforeReservationSaved is { } hold)
            {
                await hold(reportId, first);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(nameItem).State = EntityState.Detached;
                return file;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another upload to this report saved the same block first: read the highest sequence again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Task<long> UsedAsync(LanternDbContext db, Guid reportId, CancellationToken cancellationToken) =>
        db.ReportFiles.Where(f => f.ReportId == reportId && f.OriginalId == null).SumAsync(f => f.Length, cancellationToken);

    private static string DecryptName(Guid reportId, ReadOnlySpan<byte> dataKey, ReportFile file, byte[]? ciphertext)
    {
        if (ciphertext is null)
        {
            throw new CryptographicException("The name of a file is missing.");
        }

        var plaintext = file.Format switch
        {
            ReportFileFormat.Bound => ItemCipher.Decrypt(dataKey, reportId, ItemKind.FileName, file.NameSequence, FileBinding.Name(file), ciphertext),
            ReportFileFormat.Legacy => ItemCipher.Decrypt(dataKey, reportId, ItemKind.FileName, file.NameSequence, ciphertext),
            _ => throw new CryptographicException("Unknown file format."),
        };
        try
        {
            return Encoding.UTF8.GetString(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Fills the buffer unless the content ends first; 0 at the end.</summary>
    private static async Task<int> ReadChunkAsync(Stream content, byte[] buffer, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
}
