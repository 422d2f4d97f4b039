using System.Data.Common;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.Audit;

/// <summary>
/// Walks the audit chain from the start, recomputing every hash and checking every link, then checks the
/// anchors an operator kept. Rows are read column by column, so a damaged row (a value that cannot be
/// read) is named instead of stopping the walk with an exception.
/// </summary>
public sealed class AuditVerifier(LanternDbContext db, KeyRing keys)
{
    private const int PageSize = 1_000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => await VerifyAsync([], cancellationToken);

    public async Task<AuditVerification> VerifyAsync(IReadOnlyCollection<AuditAnchor> anchors, CancellationToken cancellationToken)
    {
        var anchored = anchors.ToDictionary(a => a.Sequence, a => a.Hash);
        var previousHash = AuditHash.Genesis;
        long expected = 1;
        long unkeyed = 0;
        var keyed = false;
        AuditAnchor? head = null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            while (true)
            {
                var page = await ReadPageAsync(expected, cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var row in page)
                {
                    long done = expected - 1;
                    if (row.Damage is { } damage)
                    {
                        return Broken(done, expected, "damaged", $"entry {expected} (row id {row.Id}) is damaged: {damage}.", unkeyed);
                    }

                    var entry = row.Entry!;
                    if (entry.Sequence != expected)
                    {
                        return Broken(done, expected, "missing", $"entry {expected} is missing (the next entry is {entry.Sequence}).", unkeyed);
                    }

                    if (entry.Format == AuditFormat.Sha256 && keyed)
                    {
                        return Broken(done, expected, "unkeyed", $"entry {expected} has a bare SHA-256 hash after keyed entries: it was written without the audit key.", unkeyed);
                    }

                    if (!entry.PreviousHash.AsSpan().SequenceEqual(previousHash))
                    {
                        return Broken(done, expected, "link", $"entry {expected} does not link to the entry before it: an entry was changed, removed or inserted.", unkeyed);
                    }

                    var computed = AuditHash.Compute(entry, keys.AuditKey);
                    if (computed is null)
                    {
                        return Broken(done, expected, "key", $"entry {expected} is keyed, and this process has no audit key to check it.", unkeyed);
                    }

                    if (!computed.AsSpan().SequenceEqual(entry.Hash))
                    {
                        return Broken(done, expected, "content", entry.Format == AuditFormat.HmacSha256
                            ? $"entry {expected} does not match its keyed hash: it was changed, or keys/audit.key is not the key it was written with."
                            : $"entry {expected} does not match its hash: it was changed.", unkeyed);
                    }

                    if (anchored.TryGetValue(entry.Sequence, out var kept) && !kept.AsSpan().SequenceEqual(entry.Hash))
                    {
                        return Broken(done, expected, "anchor", $"entry {expected} is not the entry the anchor recorded: the trail was rewritten up to it.", unkeyed);
                    }

                    keyed |= entry.Format == AuditFormat.HmacSha256;
                    unkeyed += entry.Format == AuditFormat.Sha256 ? 1 : 0;
                    previousHash = entry.Hash;
                    head = new AuditAnchor(entry.Sequence, entry.Hash, entry.At);
                    expected++;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var last = expected - 1;
        if (anchors.Where(a => a.Sequence > last).OrderBy(a => a.Sequence).FirstOrDefault() is { } beyond)
        {
            return Broken(last, beyond.Sequence, "truncated",
                $"the trail ends at entry {last}, but an anchor records entry {beyond.Sequence}: entries were cut off the end.", unkeyed);
        }

        return new AuditVerification(last, null, null, null, unkeyed, head);
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string problem, string message, long unkeyed) =>
        new(checkedCount, sequence, problem, message, unkeyed);

    private async Task<List<AuditRow>> ReadPageAsync(long from, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT "Id", "Sequence", "At", "Actor", "Action", "Record", "Detail", "PreviousHash", "Hash", "Format"
            FROM audit_entries WHERE "Sequence" >= @from ORDER BY "Sequence" LIMIT @size
            """;
        AddParameter(command, "@from", from);
        AddParameter(command, "@size", PageSize);
        var rows = new List<AuditRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(AuditRow.Read(reader));
        }

        return rows;
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One row as read: the entry, or what could not be read.</summary>
    private sealed record AuditRow(string Id, AuditEntry? Entry, string? Damage)
    {
        public static AuditRow Read(DbDataReader reader)
        {
            var id = reader.IsDBNull(0) ? "?" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "?";
            try
            {
                var at = Column<DateTime>(reader, 2, "At");
                var entry = new AuditEntry
                {
                    Sequence = Column<long>(reader, 1, "Sequence"),
                    At = UtcDateTimeConvention.AsUtc(at),
                    Actor = Column<string>(reader, 3, "Actor"),
                    Action = Column<string>(reader, 4, "Action"),
                    Record = Column<string>(reader, 5, "Record"),
                    Detail = Column<string>(reader, 6, "Detail"),
                    PreviousHash = Column<byte[]>(reader, 7, "PreviousHash"),
                    Hash = Column<byte[]>(reader, 8, "Hash"),
                    Format = (AuditFormat)Column<int>(reader, 9, "Format"),
                };
                return Enum.IsDefined(entry.Format)
                    ? new AuditRow(id, entry, null)
                    : new AuditRow(id, null, $"its format {(int)entry.Format} is unknown");
            }
            catch (DamagedColumnException damaged)
            {
                return new AuditRow(id, null, damaged.Message);
            }
        }

        private static T Column<T>(DbDataReader reader, int ordinal, string name)
        {
            if (reader.IsDBNull(ordinal))
            {
                throw new DamagedColumnException($"{name} is empty (NULL)");
            }

            try
            {
                return reader.GetFieldValue<T>(ordinal);
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                throw new DamagedColumnException($"{name} holds a value that cannot be read as {typeof(T).Name}");
            }
        }
    }

    private sealed class DamagedColumnException(string message) : Exception(message);
}
