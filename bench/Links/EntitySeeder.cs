using Lantern.Bench.Inbox;
using Lantern.Web.Platform.Crypto;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Lantern.Bench.Links;

/// <summary>
/// Blind-index rows for the seeded reports, shaped like a registry's: every report has a phone, most an e-mail or a
/// handle, some an IBAN or a plate; a phone is shared by 3 reports on average (small networks), a handle by 5, an
/// IBAN by 2, the rest unique. Hashes are computed with the application's own <see cref="BlindIndex"/>.
/// </summary>
internal static class EntitySeeder
{
    public static List<(Guid ReportId, string Kind, byte[] Hash)> Generate(IReadOnlyList<SeedReport> reports, BlindIndex index)
    {
        var random = new Random(7);
        var rows = new List<(Guid, string, byte[])>(reports.Count * 3);
        for (var i = 0; i < reports.Count; i++)
        {
            var id = reports[i].Id;
            rows.Add((id, "phone", index.Compute("phone", "+32470" + (i / 3).ToString("000000", System.Globalization.CultureInfo.InvariantCulture))));
            if (random.Next(100) < 60)
            {
                rows.Add((id, "email", index.Compute("email", $"person{i}@example.org")));
            }

            if (random.Next(100) < 40)
            {
                rows.Add((id, "handle", index.Compute("handle", $"telegram:recruiter{i / 5}")));
            }

            if (random.Next(100) < 20)
            {
                rows.Add((id, "iban", index.Compute("iban", $"BE{i / 2:D14}")));
            }

            if (random.Next(100) < 10)
            {
                rows.Add((id, "plate", index.Compute("plate", $"1ABC{i:D6}")));
            }
        }

        return rows;
    }

    public static async Task InsertSqliteAsync(string connectionString, IReadOnlyList<(Guid ReportId, string Kind, byte[] Hash)> rows)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO entity_index (\"ReportId\", \"Kind\", \"Hash\") VALUES ($r, $k, $h)";
        var report = command.Parameters.Add("$r", SqliteType.Text);
        var kind = command.Parameters.Add("$k", SqliteType.Text);
        var hash = command.Parameters.Add("$h", SqliteType.Blob);
        command.Prepare();
        foreach (var row in rows)
        {
            report.Value = Seeder.SqliteGuid(row.ReportId);
            kind.Value = row.Kind;
            hash.Value = row.Hash;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public static async Task InsertPostgresAsync(string connectionString, IReadOnlyList<(Guid ReportId, string Kind, byte[] Hash)> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync("COPY entity_index (\"ReportId\", \"Kind\", \"Hash\") FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(row.ReportId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.Kind, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Hash, NpgsqlDbType.Bytea);
        }

        await copy.CompleteAsync();
    }
}
