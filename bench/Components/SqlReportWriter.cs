using System.Globalization;
using System.Security.Cryptography;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Microsoft.Data.Sqlite;

namespace Lantern.Bench.Components;

/// <summary>
/// The rows of one report (report, form, signs, encrypted answers, six blind indexes) written by prepared
/// SQL on one open connection, with Lantern's pragmas: what the write costs without EF Core.
/// </summary>
internal sealed class SqlReportWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _report;
    private readonly SqliteCommand _form;
    private readonly SqliteCommand _sign;
    private readonly SqliteCommand _item;
    private readonly SqliteCommand _entity;

    private SqlReportWriter(SqliteConnection connection)
    {
        _connection = connection;
        _report = Command("""
            INSERT INTO reports (Id, Reference, ReceivedAt, Channel, Role, Language, Country, Region, ImmediateDanger, MinorsInvolved,
                ContactRequested, UrgencyLevel, UrgencyReasons, Status, ReceiptVerifier, StaffKeyId, SealedDataKey, ReceiptWrappedKey)
            VALUES ($id, $reference, $received, 'api', 'witness', 'en', 'BE', 'BRU', 0, 0, 0, 0, '', 'new', $verifier, 'bench', $sealed, $wrapped)
            """, "$id", "$reference", "$received", "$verifier", "$sealed", "$wrapped");
        _form = Command("INSERT INTO report_forms (ReportId, Code) VALUES ($id, $code)", "$id", "$code");
        _sign = Command("INSERT INTO report_signs (ReportId, Code) VALUES ($id, $code)", "$id", "$code");
        _item = Command("INSERT INTO report_items (ReportId, Kind, Sequence, CreatedAt, Ciphertext) VALUES ($id, 1, 0, $created, $ciphertext)", "$id", "$created", "$ciphertext");
        _entity = Command("INSERT INTO entity_index (ReportId, Kind, Hash) VALUES ($id, 'phone', $hash)", "$id", "$hash");
    }

    public static async Task<SqlReportWriter> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
        await pragmas.ExecuteNonQueryAsync();
        return new SqlReportWriter(connection);
    }

    public async Task<int> InsertAsync(ReportContent content)
    {
        var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        await RunAsync(_report, transaction, id, "LT-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)), now,
            RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(KeySealer.SealedSize), RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize));
        await RunAsync(_form, transaction, id, "labour");
        foreach (var sign in content.Signs)
        {
            await RunAsync(_sign, transaction, id, sign);
        }

        await RunAsync(_item, transaction, id, now, RandomNumberGenerator.GetBytes(2000));
        for (var i = 0; i < 6; i++)
        {
            await RunAsync(_entity, transaction, id, RandomNumberGenerator.GetBytes(16));
        }

        await transaction.CommitAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _report, _form, _sign, _item, _entity })
        {
            await command.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private static async Task RunAsync(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
