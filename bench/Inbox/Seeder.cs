using System.Globalization;
using System.Security.Cryptography;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Lantern.Bench.Inbox;

/// <summary>One generated report: the coded columns the inbox reads, as intake and triage would have left them.</summary>
internal sealed record SeedReport(
    Guid Id,
    string Reference,
    DateTime ReceivedAt,
    string Channel,
    string Role,
    string Language,
    string? Region,
    bool? ImmediateDanger,
    bool? MinorsInvolved,
    bool ContactRequested,
    int UrgencyLevel,
    string UrgencyReasons,
    string Status,
    DateTime? StatusChangedAt,
    DateTime? AcknowledgedAt,
    string? Outcome,
    Guid? AssignedToId,
    string[] Forms,
    int[] ReferredTo);

/// <summary>
/// A realistic registry of five years of reports (about 55 a day): urgency computed by the real
/// <see cref="UrgencyScorer"/> from generated answers, most old reports closed, a backlog of open ones, assignments
/// among the analysts, referrals to the regional victim centre. Deterministic (fixed seed).
/// </summary>
internal static class Seeder
{
    /// <summary>The acknowledgement deadlines of a default configuration: referrals as <c>ReferReport</c> would have made them.</summary>
    private static readonly ReferralOptions _deadlines = new();

    private static readonly string[] _signs = ["movement", "documents", "debt", "wages", "deception", "violence", "threats", "isolation", "housing", "hours", "vulnerability", "control", "online", "minor", "fear"];

    public static List<SeedReport> Generate(int count, DateTime now, IReadOnlyList<Guid> analysts, IReadOnlyDictionary<string, int> centres, int childFocus)
    {
        var random = new Random(42);
        var references = new HashSet<string>(StringComparer.Ordinal);
        var span = TimeSpan.FromDays(5 * 365);
        var reports = new List<SeedReport>(count);
        for (var i = 0; i < count; i++)
        {
            // Evenly spread over five years, to the microsecond (what PostgreSQL keeps).
            var offset = span * (1 - ((i + random.NextDouble()) / count));
            var receivedAt = new DateTime((now - offset).Ticks / 10 * 10, DateTimeKind.Utc);
            var age = now - receivedAt;
            var role = Pick(random, ("victim", 30), ("witness", 55), ("professional", 15));
            var content = new ReportContent
            {
                Role = role,
                ImmediateDanger = Pick(random, ((bool?)true, 4), (false, 76), (null, 20)),
                MinorsInvolved = Pick(random, ((bool?)true, 7), (false, 73), (null, 20)),
                Signs = [.. _signs.Where(_ => random.NextDouble() < 0.12)],
                Contact = role == "victim" && random.NextDouble() < 0.4 ? new ReportContact { Channel = "phone" } : null,
            };
            var urgency = UrgencyScorer.Assess(content);
            var status = age.TotalDays > 60
                ? Pick(random, (ReportStatus.Closed, 97), (ReportStatus.InProgress, 1), (ReportStatus.Referred, 1), (ReportStatus.InTriage, 1))
                : age.TotalDays > 2
                    ? Pick(random, (ReportStatus.Closed, 25), (ReportStatus.New, 15), (ReportStatus.InTriage, 20), (ReportStatus.InProgress, 25), (ReportStatus.Referred, 15))
                    : Pick(random, (ReportStatus.New, 70), (ReportStatus.InTriage, 20), (ReportStatus.InProgress, 10));
            var touched = status != ReportStatus.New;
            var region = Pick(random, ((string?)"BE-BRU", 30), ("BE-VLG", 40), ("BE-WAL", 25), (null, 5));
            var referred = region is not null && (status == ReportStatus.Referred || (status == ReportStatus.Closed && random.NextDouble() < 0.4));
            int[] referredTo = !referred ? [] : urgency.Reasons.Contains("minor") ? [centres[region!], childFocus] : [centres[region!]];
            string[] forms = [.. Enumerable.Range(0, random.NextDouble() < 0.25 ? 2 : 1)
                .Select(_ => Pick(random, ("labour", 35), ("sexual", 35), ("begging", 5), ("criminality", 8), ("organs", 1), ("smuggling", 6), ("unknown", 10)))
                .Distinct()];
            string reference;
            do
            {
                reference = Lantern.Web.Core.Reports.ReferenceGenerator.Next();
            }
            while (!references.Add(reference));

            var acknowledgedAt = touched || random.NextDouble() < 0.1 ? receivedAt.AddHours(Math.Min(age.TotalHours, 0.2 + (random.NextDouble() * 60))) : (DateTime?)null;
            reports.Add(new SeedReport(
                Guid.CreateVersion7(new DateTimeOffset(receivedAt)),
                reference,
                receivedAt,
                Pick(random, (ReportCodes.Channels.Web, 75), (ReportCodes.Channels.Api, 10), (ReportCodes.Channels.Phone, 15)),
                role,
                Pick(random, ("fr", 35), ("nl", 37), ("en", 24), ("de", 4)),
                region,
                content.ImmediateDanger,
                content.MinorsInvolved,
                content.Contact is not null,
                urgency.Level,
                string.Join(',', urgency.Reasons),
                status,
                touched ? acknowledgedAt : null,
                acknowledgedAt,
                status == ReportStatus.Closed ? ReportOutcomes.All[random.Next(ReportOutcomes.All.Length)] : null,
                (touched ? random.NextDouble() < 0.9 : random.NextDouble() < 0.2) ? analysts[random.Next(analysts.Count)] : null,
                forms,
                referredTo));
        }

        return reports;
    }

    private static T Pick<T>(Random random, params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private const string ReportColumns =
        "\"Id\", \"Reference\", \"ReceivedAt\", \"Channel\", \"Role\", \"Language\", \"Country\", \"Region\", \"ImmediateDanger\", \"MinorsInvolved\", "
        + "\"ContactRequested\", \"UrgencyLevel\", \"UrgencyReasons\", \"Status\", \"StatusChangedAt\", \"AcknowledgedAt\", \"Outcome\", \"AssignedToId\", "
        + "\"ReceiptVerifier\", \"StaffKeyId\", \"SealedDataKey\", \"ReceiptWrappedKey\"";

    /// <summary>SQLite: prepared inserts in one transaction, values in EF Core's own storage formats (TEXT GUIDs and times).</summary>
    public static async Task InsertSqliteAsync(string connectionString, IReadOnlyList<SeedReport> reports)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var report = Prepare(connection, transaction, $"INSERT INTO reports ({ReportColumns}) VALUES ({string.Join(", ", Enumerable.Range(0, 22).Select(i => "$p" + i))})", 22);
        var form = Prepare(connection, transaction, "INSERT INTO report_forms (\"ReportId\", \"Code\") VALUES ($p0, $p1)", 2);
        var referral = Prepare(connection, transaction,
            "INSERT INTO referrals (\"Id\", \"ReportId\", \"OrganisationId\", \"Scope\", \"State\", \"CreatedAt\", \"DueAt\") VALUES ($p0, $p1, $p2, 'full', 'sent', $p3, $p4)", 5);
        foreach (var r in reports)
        {
            object?[] values =
            [
                SqliteGuid(r.Id), r.Reference, SqliteTime(r.ReceivedAt), r.Channel, r.Role, r.Language, "BE", r.Region, r.ImmediateDanger, r.MinorsInvolved,
                r.ContactRequested, r.UrgencyLevel, r.UrgencyReasons, r.Status, SqliteTime(r.StatusChangedAt), SqliteTime(r.AcknowledgedAt), r.Outcome,
                r.AssignedToId is { } a ? SqliteGuid(a) : null, RandomNumberGenerator.GetBytes(32), "bench",
                RandomNumberGenerator.GetBytes(KeySealer.SealedSize), RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
            ];
            await RunAsync(report, values);
            foreach (var code in r.Forms)
            {
                await RunAsync(form, [SqliteGuid(r.Id), code]);
            }

            foreach (var organisation in r.ReferredTo)
            {
                var sentAt = r.StatusChangedAt ?? r.ReceivedAt;
                await RunAsync(referral, [SqliteGuid(Guid.CreateVersion7()), SqliteGuid(r.Id), organisation, SqliteTime(sentAt), SqliteTime(_deadlines.DueAt(sentAt, r.ImmediateDanger))]);
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>PostgreSQL: binary COPY, the fastest way in.</summary>
    public static async Task InsertPostgresAsync(string connectionString, IReadOnlyList<SeedReport> reports)
    {
        // No command timeout: completing a COPY of a million rows runs the statistics' row triggers for each, which takes
        // longer than the default 30 s on a loaded machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY reports ({ReportColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reports)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.Reference, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.Channel, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Role, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Language, NpgsqlDbType.Varchar);
                await copy.WriteAsync("BE", NpgsqlDbType.Varchar);
                await WriteNullableAsync(copy, r.Region, NpgsqlDbType.Varchar);
                await WriteNullableAsync(copy, r.ImmediateDanger, NpgsqlDbType.Boolean);
                await WriteNullableAsync(copy, r.MinorsInvolved, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.ContactRequested, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.UrgencyLevel, NpgsqlDbType.Integer);
                await copy.WriteAsync(r.UrgencyReasons, NpgsqlDbType.Varchar);
                await copy.WriteAsync(r.Status, NpgsqlDbType.Varchar);
                await WriteNullableAsync(copy, r.StatusChangedAt, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(copy, r.AcknowledgedAt, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(copy, r.Outcome, NpgsqlDbType.Varchar);
                await WriteNullableAsync(copy, r.AssignedToId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(RandomNumberGenerator.GetBytes(32), NpgsqlDbType.Bytea);
                await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync(RandomNumberGenerator.GetBytes(KeySealer.SealedSize), NpgsqlDbType.Bytea);
                await copy.WriteAsync(RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize), NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY report_forms (\"ReportId\", \"Code\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reports)
            {
                foreach (var code in r.Forms)
                {
                    await copy.WriteRowAsync(CancellationToken.None, r.Id, code);
                }
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY referrals (\"Id\", \"ReportId\", \"OrganisationId\", \"Scope\", \"State\", \"CreatedAt\", \"DueAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reports)
            {
                foreach (var organisation in r.ReferredTo)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(organisation, NpgsqlDbType.Integer);
                    await copy.WriteAsync("full", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("sent", NpgsqlDbType.Varchar);
                    var sentAt = r.StatusChangedAt ?? r.ReceivedAt;
                    await copy.WriteAsync(sentAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(_deadlines.DueAt(sentAt, r.ImmediateDanger), NpgsqlDbType.TimestampTz);
                }
            }

            await copy.CompleteAsync();
        }
    }

    /// <summary>EF Core's SQLite format for a GUID: upper-case text.</summary>
    public static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>EF Core's SQLite format for a time: text that sorts as the time does.</summary>
    public static string? SqliteTime(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static Task<int> RunAsync(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct => value is { } v ? copy.WriteAsync(v, type) : copy.WriteNullAsync();

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);
}
