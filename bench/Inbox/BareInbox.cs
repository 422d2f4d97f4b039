using System.Data.Common;
using System.Text;
using Lantern.Web.Core.Reports;
using Lantern.Web.Triage.Inbox;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lantern.Bench.Inbox;

/// <summary>
/// What a scenario asks: a filter, whose view (central team or a partner organisation), from which position, and
/// whether the 50 ms target applies (not to a stress case shown for information).
/// </summary>
internal sealed record Scenario(string Name, InboxFilter Filter, Guid Member, int? PartnerOrganisation, InboxCursor? After = null, bool Target = true);

/// <summary>A row as the bare queries read it: the same columns <see cref="InboxQuery"/> reads.</summary>
internal sealed record BareRow(Guid Id, string Reference, DateTime ReceivedAt, string Channel, string Role, string Language, string? Region,
    int UrgencyLevel, string UrgencyReasons, bool? ImmediateDanger, bool? MinorsInvolved, string Status, string? AssignedTo, DateTime? AcknowledgedAt);

/// <summary>
/// The same rows as <see cref="InboxQuery"/>, by hand-written SQL on a plain ADO.NET connection: the baseline. Two
/// forms: <see cref="SameStatementAsync"/> sends the statements the inbox sends (level by level, each an ordered range,
/// or for open reports one range per open status joined by UNION ALL), written by hand, so the ratio is what EF Core,
/// the scope, the connection set-up and the projection cost; <see cref="SingleStatementAsync"/> is the query one would
/// write first (one ORDER BY over the mixed directions), so the ratio shows what reading level by level buys.
/// </summary>
internal sealed class BareInbox(bool postgres, string connectionString)
{
    private const string RangeColumns =
        "r.\"Id\", r.\"Reference\", r.\"ReceivedAt\", r.\"Channel\", r.\"Role\", r.\"Language\", r.\"Region\", r.\"UrgencyLevel\", r.\"UrgencyReasons\", "
        + "r.\"ImmediateDanger\", r.\"MinorsInvolved\", r.\"Status\", r.\"AssignedToId\", r.\"AcknowledgedAt\"";

    private const string Columns =
        "r.\"Id\", r.\"Reference\", r.\"ReceivedAt\", r.\"Channel\", r.\"Role\", r.\"Language\", r.\"Region\", r.\"UrgencyLevel\", r.\"UrgencyReasons\", "
        + "r.\"ImmediateDanger\", r.\"MinorsInvolved\", r.\"Status\", u.\"Email\", r.\"AcknowledgedAt\" "
        + "FROM reports AS r LEFT JOIN \"AspNetUsers\" AS u ON u.\"Id\" = r.\"AssignedToId\"";

    private const string Keyset = "(r.\"ReceivedAt\" > @after OR (r.\"ReceivedAt\" = @after AND r.\"Id\" > @afterId))";

    public async Task<List<BareRow>> SameStatementAsync(Scenario scenario, int limit)
    {
        await using var connection = await OpenAsync();
        var rows = new List<BareRow>(limit + 1);
        for (var level = scenario.After?.Level ?? UrgencyScorer.HighestLevel; level >= 0 && rows.Count <= limit; level--)
        {
            await using var command = Command(connection, LevelStatement(scenario, level), scenario);
            Add(command, "take", limit + 1 - rows.Count);
            await ReadAsync(command, rows);
        }

        return rows;
    }

    public async Task<List<BareRow>> SingleStatementAsync(Scenario scenario, int limit)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, SingleStatement(scenario), scenario);
        if (scenario.After is { } cursor)
        {
            Add(command, "level", cursor.Level);
        }

        Add(command, "take", limit + 1);
        var rows = new List<BareRow>(limit + 1);
        await ReadAsync(command, rows);
        return rows;
    }

    /// <summary>The plans of the inbox's statements (the first level, and the last one a page may need) and of the single statement.</summary>
    public async Task<string> ExplainAsync(Scenario scenario, int limit)
    {
        await using var connection = await OpenAsync();
        var text = new StringBuilder();
        var prefix = postgres ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " : "EXPLAIN QUERY PLAN ";
        var top = scenario.After?.Level ?? UrgencyScorer.HighestLevel;
        foreach (var level in new[] { top, 0 }.Distinct())
        {
            var sql = LevelStatement(scenario, level);
            await using var command = Command(connection, prefix + sql, scenario);
            Add(command, "take", limit + 1);
            text.Append("-- the inbox's statement for level ").Append(level).AppendLine(", by hand:").AppendLine(sql).AppendLine(await PlanAsync(command));
        }

        await using (var command = Command(connection, prefix + SingleStatement(scenario), scenario))
        {
            if (scenario.After is { } cursor)
            {
                Add(command, "level", cursor.Level);
            }

            Add(command, "take", limit + 1);
            text.AppendLine("-- single statement:").AppendLine(SingleStatement(scenario)).AppendLine(await PlanAsync(command));
        }

        return text.ToString();
    }

    /// <summary>What <see cref="InboxQuery"/> sends for one level: one ordered range, or one per open status joined by UNION ALL.</summary>
    private static string LevelStatement(Scenario scenario, int level)
    {
        var keyset = scenario.After?.Level == level ? " AND " + Keyset : string.Empty;
        var where = $"r.\"UrgencyLevel\" = {level} AND {Filters(scenario)}{keyset}";
        const string Order = " ORDER BY r.\"ReceivedAt\", r.\"Id\" LIMIT @take";
        const string Select = "SELECT r.\"Id\", r.\"Reference\", r.\"ReceivedAt\", r.\"Channel\", r.\"Role\", r.\"Language\", r.\"Region\", r.\"UrgencyLevel\", r.\"UrgencyReasons\", "
            + "r.\"ImmediateDanger\", r.\"MinorsInvolved\", r.\"Status\", (SELECT a.\"Email\" FROM \"AspNetUsers\" AS a WHERE a.\"Id\" = r.\"AssignedToId\" LIMIT 1), r.\"AcknowledgedAt\"";
        return scenario.Filter.Status switch
        {
            InboxStatuses.All => $"{Select} FROM reports AS r WHERE {where}{Order}",
            InboxStatuses.Open => Select + " FROM (" + string.Join(" UNION ALL ", InboxStatuses.OpenStatuses.Select((status, i) =>
                $"SELECT * FROM (SELECT {RangeColumns} FROM reports AS r WHERE r.\"Status\" = '{status}' AND {where}{Order}) AS b{i}")) + ") AS r" + Order,
            var one => $"{Select} FROM reports AS r WHERE r.\"Status\" = '{one}' AND {where}{Order}",
        };
    }

    private static string SingleStatement(Scenario scenario)
    {
        var status = scenario.Filter.Status switch
        {
            InboxStatuses.All => "1 = 1",
            InboxStatuses.Open => "r.\"Status\" <> 'closed'",
            var one => $"r.\"Status\" = '{one}'",
        };
        var keyset = scenario.After is null ? string.Empty : " AND (r.\"UrgencyLevel\" < @level OR (r.\"UrgencyLevel\" = @level AND " + Keyset + "))";
        return $"SELECT {Columns} WHERE {status} AND {Filters(scenario)}{keyset} ORDER BY r.\"UrgencyLevel\" DESC, r.\"ReceivedAt\", r.\"Id\" LIMIT @take";
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> PlanAsync(DbCommand command)
    {
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one text column.
            plan.Append("   ").AppendLine(reader.GetString(reader.FieldCount - 1));
        }

        return plan.ToString();
    }

    private static string Filters(Scenario scenario)
    {
        var where = new List<string> { "1 = 1" };
        if (scenario.Filter.Form is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM report_forms AS f WHERE f.\"ReportId\" = r.\"Id\" AND f.\"Code\" = @form)");
        }

        if (scenario.Filter.Assigned == InboxAssignment.Me)
        {
            where.Add("r.\"AssignedToId\" = @me");
        }

        if (scenario.PartnerOrganisation is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM referrals AS x WHERE x.\"ReportId\" = r.\"Id\" AND x.\"OrganisationId\" = @organisation)");
        }

        return string.Join(" AND ", where);
    }

    private DbCommand Command(DbConnection connection, string sql, Scenario scenario)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (scenario.Filter.Form is { } form)
        {
            Add(command, "form", form);
        }

        if (scenario.Filter.Assigned == InboxAssignment.Me)
        {
            Add(command, "me", Id(scenario.Member));
        }

        if (scenario.PartnerOrganisation is { } organisation)
        {
            Add(command, "organisation", organisation);
        }

        if (scenario.After is { } cursor)
        {
            Add(command, "after", postgres ? cursor.ReceivedAt : Seeder.SqliteTime(cursor.ReceivedAt)!);
            Add(command, "afterId", Id(cursor.Id));
        }

        return command;
    }

    private object Id(Guid id) => postgres ? id : Seeder.SqliteGuid(id);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ReadAsync(DbCommand command, List<BareRow> rows)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new BareRow(
                reader.GetGuid(0),
                reader.GetString(1),
                DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7),
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetBoolean(9),
                reader.IsDBNull(10) ? null : reader.GetBoolean(10),
                reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : DateTime.SpecifyKind(reader.GetDateTime(13), DateTimeKind.Utc)));
        }
    }

    public override string ToString() => postgres ? "PostgreSQL" : "SQLite";
}
