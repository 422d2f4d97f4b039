using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Bench.Statistics;

/// <summary>
/// The same figures as the dashboard, written by hand on a plain ADO.NET connection: the GROUP BY statements one
/// would write first, every row read. What the dashboard adds over this (EF Core, the DI scope, folding, percentiles,
/// labels) is the ratio the benchmark prints.
/// </summary>
internal sealed class BareStatistics(bool postgres, string connectionString)
{
    public async Task<long> RunAsync(DateTime from, DateTime to, DateTime now)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var period = "r.\"ReceivedAt\" >= @from AND r.\"ReceivedAt\" < @to";
        var day = postgres ? "date_trunc('day', r.\"ReceivedAt\", 'UTC')" : "date(r.\"ReceivedAt\")";
        string Minutes(string column) => postgres
            ? $"FLOOR(EXTRACT(EPOCH FROM (r.\"{column}\" - r.\"ReceivedAt\")) / 60)::bigint"
            : $"CAST((julianday(r.\"{column}\") - julianday(r.\"ReceivedAt\")) * 1440 AS INTEGER)";
        var danger = postgres ? "CASE WHEN r.\"ImmediateDanger\" THEN 1 ELSE 0 END" : "CASE WHEN r.\"ImmediateDanger\" = 1 THEN 1 ELSE 0 END";
        string[] statements =
        [
            $"SELECT r.\"Channel\", r.\"Role\", r.\"Language\", r.\"Region\", r.\"ImmediateDanger\", r.\"MinorsInvolved\", COUNT(*) FROM reports r WHERE {period} GROUP BY 1, 2, 3, 4, 5, 6",
            $"SELECT {day}, COUNT(*) FROM reports r WHERE {period} GROUP BY 1",
            $"SELECT f.\"Code\", r.\"MinorsInvolved\", COUNT(*) FROM report_forms f JOIN reports r ON r.\"Id\" = f.\"ReportId\" WHERE {period} GROUP BY 1, 2",
            $"SELECT {danger}, {Minutes("AcknowledgedAt")}, COUNT(*) FROM reports r WHERE {period} AND r.\"AcknowledgedAt\" IS NOT NULL GROUP BY 1, 2",
            $"SELECT {danger}, {Minutes("FirstReplyAt")}, COUNT(*) FROM reports r WHERE {period} AND r.\"FirstReplyAt\" IS NOT NULL GROUP BY 1, 2",
            $"SELECT x.\"OrganisationId\", x.\"State\", x.\"Outcome\", COUNT(*) FROM referrals x JOIN reports r ON r.\"Id\" = x.\"ReportId\" WHERE {period} GROUP BY 1, 2, 3",
            $"SELECT MIN(r.\"ReceivedAt\"), MIN(x.\"CreatedAt\") FROM referrals x JOIN reports r ON r.\"Id\" = x.\"ReportId\" WHERE {period} GROUP BY x.\"ReportId\"",
            $"SELECT x.\"CreatedAt\", x.\"AcknowledgedAt\", x.\"DueAt\" FROM referrals x JOIN reports r ON r.\"Id\" = x.\"ReportId\" WHERE {period} AND x.\"AcknowledgedAt\" IS NOT NULL",
            $"SELECT COUNT(*) FROM reports r WHERE r.\"Status\" IN ('new', 'in-triage', 'in-progress', 'referred') AND r.\"AcknowledgedAt\" IS NULL AND r.\"ReceivedAt\" < CASE WHEN {danger} = 1 THEN @danger ELSE @other END",
            "SELECT COUNT(*) FROM reports r WHERE r.\"Status\" IN ('new', 'in-triage', 'in-progress', 'referred') AND r.\"FirstReplyAt\" IS NULL AND r.\"ReceivedAt\" < @reply",
            "SELECT COUNT(*) FROM referrals x WHERE x.\"State\" = 'sent' AND x.\"DueAt\" < @now",
        ];
        long total = 0;
        for (var s = 0; s < statements.Length; s++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statements[s];
            Add(command, "from", from);
            Add(command, "to", to);
            Add(command, "now", now);
            Add(command, "danger", now.AddHours(-1));
            Add(command, "other", now.AddHours(-72));
            Add(command, "reply", now.AddDays(-7));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (s == 0)
                {
                    total += reader.GetInt64(6);
                }
            }
        }

        return total;
    }

    private void Add(DbCommand command, string name, DateTime value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        // SQLite keeps times as text in EF Core's format; PostgreSQL as timestamptz.
        parameter.Value = postgres ? value : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        command.Parameters.Add(parameter);
    }
}
