using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Audit;
using Microsoft.Data.Sqlite;

namespace Lantern.IntegrationTests.Administration;

/// <summary>
/// The administration commands, run as an operator would: the real executable in a child process,
/// on its own data directory.
/// </summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("lantern-cli-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersAdd_PrintsAnEnrolmentLink_AndListShowsTheAccount()
    {
        var added = await RunAsync("users", "add", "--email", "analyst@example.org", "--role", "analyst");

        Assert.Equal(0, added.ExitCode);
        Assert.Matches(@"/staff/enrol/[A-Za-z0-9_-]{40,}", added.Output);
        var listed = await RunAsync("users", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("analyst@example.org\tAnalyst\t-\tnot enrolled", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_WithAnUnknownRole_FailsAndCreatesNothing()
    {
        var added = await RunAsync("users", "add", "--email", "someone@example.org", "--role", "superuser");

        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains("Unknown role", added.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("someone@example.org", (await RunAsync("users", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartnerCaseworker_NeedsAnExistingOrganisation()
    {
        Assert.NotEqual(0, (await RunAsync("users", "add", "--email", "pc@example.org", "--role", "PartnerCaseworker")).ExitCode);
        Assert.NotEqual(0, (await RunAsync("users", "add", "--email", "pc@example.org", "--role", "PartnerCaseworker", "--organisation", "nowhere")).ExitCode);

        var added = await RunAsync("users", "add", "--email", "pc@example.org", "--role", "PartnerCaseworker", "--organisation", "payoke");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("pc@example.org\tPartnerCaseworker\tpayoke", (await RunAsync("users", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganisation_IsFoundWhateverItsCase_AndAnUnknownOneListsTheCodes()
    {
        // Every page shows "Payoke"; the code is "payoke".
        var added = await RunAsync("users", "add", "--email", "jan@example.org", "--role", "partnercaseworker", "--organisation", "Payoke");
        var unknown = await RunAsync("users", "add", "--email", "piet@example.org", "--role", "PartnerCaseworker", "--organisation", "Nowhere");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("jan@example.org\tPartnerCaseworker\tpayoke", (await RunAsync("users", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown organisation 'Nowhere'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("payoke", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("pag-asa", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersToken_PrintsATokenThatIsStoredOnlyHashed()
    {
        await RunAsync("users", "add", "--email", "coordinator@example.org", "--role", "coordinator");

        var token = await RunAsync("users", "token", "--email", "coordinator@example.org", "--name", "partner app", "--expires-days", "30");

        Assert.Equal(0, token.ExitCode);
        var value = token.Output.Trim();
        Assert.StartsWith("lnt_", value, StringComparison.Ordinal);
        var database = await File.ReadAllBytesAsync(Path.Combine(_dataDirectory, "lantern.db"), Cancellation);
        var wal = Path.Combine(_dataDirectory, "lantern.db-wal");
        var bytes = File.Exists(wal) ? [.. database, .. await File.ReadAllBytesAsync(wal, Cancellation)] : database;
        Assert.DoesNotContain(value, System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersDisable_MarksTheAccountDisabled()
    {
        await RunAsync("users", "add", "--email", "operator@example.org", "--role", "operator");

        var disabled = await RunAsync("users", "disable", "--email", "operator@example.org");

        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("operator@example.org\tOperator\t-\tdisabled", (await RunAsync("users", "list")).Output, StringComparison.Ordinal);
        Assert.NotEqual(0, (await RunAsync("users", "token", "--email", "operator@example.org", "--name", "x")).ExitCode);
    }

    [Fact]
    public async Task UsersReset_PrintsANewEnrolmentLink_AndTheOldOneStopsWorking()
    {
        var added = await RunAsync("users", "add", "--email", "coordinator@example.org", "--role", "coordinator");
        Assert.Equal(0, (await RunAsync("users", "token", "--email", "coordinator@example.org", "--name", "partner app")).ExitCode);

        var reset = await RunAsync("users", "reset", "--email", "coordinator@example.org");
        var unknown = await RunAsync("users", "reset", "--email", "nobody@example.org");

        Assert.Equal(0, reset.ExitCode);
        var link = System.Text.RegularExpressions.Regex.Match(reset.Output, @"/staff/enrol/[A-Za-z0-9_-]{40,}").Value;
        Assert.NotEmpty(link);
        Assert.DoesNotContain(link, added.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("nobody@example.org", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("coordinator@example.org\tCoordinator\t-\tnot enrolled", (await RunAsync("users", "list")).Output, StringComparison.Ordinal);

        // The token made before the reset (the person's phone may be lost with it) is revoked.
        Assert.Contains("revoked 1 token", reset.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM personal_access_tokens WHERE RevokedAt IS NULL"));
    }

    [Fact]
    public async Task AuditVerify_CountsTheEntries_AndFailsNamingTheFirstTamperedOne()
    {
        await RunAsync("users", "add", "--email", "a@example.org", "--role", "analyst");
        await RunAsync("users", "add", "--email", "b@example.org", "--role", "auditor");
        await RunAsync("users", "disable", "--email", "a@example.org");

        var intact = await RunAsync("audit", "verify");
        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("3 entries checked", intact.Output, StringComparison.Ordinal);

        await ExecuteSqlAsync("UPDATE audit_entries SET Detail = 'role=Administrator' WHERE Sequence = 2");
        var tampered = await RunAsync("audit", "verify");

        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("entry 2", tampered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_DetectsADeletedEntry()
    {
        await RunAsync("users", "add", "--email", "a@example.org", "--role", "analyst");
        await RunAsync("users", "add", "--email", "b@example.org", "--role", "auditor");
        await RunAsync("users", "add", "--email", "c@example.org", "--role", "editor");

        await ExecuteSqlAsync("DELETE FROM audit_entries WHERE Sequence = 2");
        var verified = await RunAsync("audit", "verify");

        Assert.NotEqual(0, verified.ExitCode);
        Assert.Contains("entry 2", verified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_DetectsARewrittenChainWhoseBareHashesWereRecomputed()
    {
        await AddThreeAccountsAsync();

        // Someone with write access to the database, but not the audit key, rewrites entry 2 and recomputes
        // every hash from there on as plain SHA-256: a bare hash chain would verify.
        await RewriteAsync(fromSequence: 2, rows => rows[1].Detail = "role=Administrator");
        var verified = await RunAsync("audit", "verify");

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("entry 2", verified.Error, StringComparison.Ordinal);
        Assert.Contains("(unkeyed)", verified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_DetectsARewrittenEntryWhoseKeyedHashWasRecomputedWithAnotherKey()
    {
        await AddThreeAccountsAsync();

        await RewriteAsync(fromSequence: 2, rows => rows[1].Detail = "role=Administrator", key: new byte[32]);
        var verified = await RunAsync("audit", "verify");

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("entry 2 (content)", verified.Error, StringComparison.Ordinal);
        Assert.Contains("keys/audit.key", verified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_StillAcceptsEntriesHashedBeforeTheAuditKey_AndChainsNewOnesToThem()
    {
        await AddThreeAccountsAsync();

        // A trail written before the audit key existed: every entry a bare SHA-256 (format 0).
        await RewriteAsync(fromSequence: 1, _ => { });
        var legacy = await RunAsync("audit", "verify");
        Assert.Equal(0, legacy.ExitCode);
        Assert.Contains("3 entries checked (3 from before the audit key", legacy.Output, StringComparison.Ordinal);

        await RunAsync("users", "add", "--email", "d@example.org", "--role", "analyst");
        var extended = await RunAsync("audit", "verify");

        Assert.Equal(0, extended.ExitCode);
        Assert.Contains("4 entries checked (3 from before the audit key", extended.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAnchor_PrintsTheHead_AndVerifyWithTheAnchorDetectsACutTail()
    {
        await AddThreeAccountsAsync();

        var anchored = await RunAsync("audit", "anchor");
        Assert.Equal(0, anchored.ExitCode);
        var anchor = anchored.Output.Trim();
        Assert.Matches(@"^4:[0-9a-f]{64} \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", anchor);
        Assert.Equal(0, (await RunAsync("audit", "verify", "--anchor", anchor)).ExitCode);

        // Cutting the tail leaves a chain that is intact in itself: only the anchor kept elsewhere shows it.
        await ExecuteSqlAsync("DELETE FROM audit_entries WHERE Sequence >= 3", expectedRows: 2);
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
        var cut = await RunAsync("audit", "verify", "--anchor", anchor);

        Assert.Equal(1, cut.ExitCode);
        Assert.Contains("entry 4 (truncated)", cut.Error, StringComparison.Ordinal);
        Assert.Contains("cut off", cut.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_WithAnAnchor_DetectsAChainRebuiltUpToIt()
    {
        await AddThreeAccountsAsync();
        var anchor = (await RunAsync("audit", "anchor")).Output.Trim();

        // Rebuilt with the right key (a leaked key): each entry verifies, the anchor does not.
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "keys", "audit.key"), Cancellation)).Trim());
        await RewriteAsync(fromSequence: 2, rows => rows[1].Detail = "role=Administrator", key: key);
        Assert.Equal(0, (await RunAsync("audit", "verify")).ExitCode);
        var verified = await RunAsync("audit", "verify", "--anchor", anchor);

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("entry 4 (anchor)", verified.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_RefusesSomethingThatIsNotAnAnchor()
    {
        var verified = await RunAsync("audit", "verify", "--anchor", "12:not-a-hash");

        Assert.Equal(2, verified.ExitCode);
        Assert.Contains("Not an audit anchor", verified.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("At = 'not a time'", "At")]
    [InlineData("Hash = NULL", "Hash")]
    [InlineData("Actor = NULL", "Actor")]
    public async Task AuditVerify_NamesADamagedRow_WithoutAStackTrace(string damage, string column)
    {
        await AddThreeAccountsAsync();

        await DamageAsync($"UPDATE audit_entries SET {damage} WHERE Sequence = 2");
        var verified = await RunAsync("audit", "verify");

        Assert.Equal(1, verified.ExitCode);
        Assert.Contains("entry 2 (damaged)", verified.Error, StringComparison.Ordinal);
        Assert.Contains(column, verified.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", verified.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", verified.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task ExecuteSqlAsync(string sql, int expectedRows = 1)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(expectedRows, await command.ExecuteNonQueryAsync(Cancellation));
    }

    private async Task<SqliteConnection> OpenDatabaseAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "lantern.db")};Pooling=False");
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    private async Task AddThreeAccountsAsync()
    {
        await RunAsync("users", "add", "--email", "a@example.org", "--role", "analyst");
        await RunAsync("users", "add", "--email", "b@example.org", "--role", "auditor");
        await RunAsync("users", "add", "--email", "c@example.org", "--role", "editor");
    }

    /// <summary>
    /// Changes the stored entries as someone with write access to the database would, then rebuilds the chain from
    /// <paramref name="fromSequence"/> on: bare SHA-256 without a key, or keyed with <paramref name="key"/>.
    /// </summary>
    private async Task RewriteAsync(long fromSequence, Action<List<AuditEntry>> change, byte[]? key = null)
    {
        await using var connection = await OpenDatabaseAsync();
        var rows = new List<AuditEntry>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Sequence, At, Actor, Action, Record, Detail, PreviousHash, Hash FROM audit_entries ORDER BY Sequence";
            await using var reader = await read.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                rows.Add(new AuditEntry
                {
                    Sequence = reader.GetInt64(0),
                    At = reader.GetDateTime(1),
                    Actor = reader.GetString(2),
                    Action = reader.GetString(3),
                    Record = reader.GetString(4),
                    Detail = reader.GetString(5),
                    PreviousHash = (byte[])reader[6],
                    Hash = (byte[])reader[7],
                });
            }
        }

        change(rows);
        var previous = fromSequence == 1 ? AuditHash.Genesis : rows[(int)fromSequence - 2].Hash;
        foreach (var row in rows.Where(r => r.Sequence >= fromSequence))
        {
            row.Format = key is null ? AuditFormat.Sha256 : AuditFormat.HmacSha256;
            row.PreviousHash = previous;
            row.Hash = AuditHash.Compute(row, key)!;
            previous = row.Hash;
            await using var write = connection.CreateCommand();
            write.CommandText = "UPDATE audit_entries SET Detail = $detail, PreviousHash = $previous, Hash = $hash, Format = $format WHERE Sequence = $sequence";
            write.Parameters.AddWithValue("$detail", row.Detail);
            write.Parameters.AddWithValue("$previous", row.PreviousHash);
            write.Parameters.AddWithValue("$hash", row.Hash);
            write.Parameters.AddWithValue("$format", (int)row.Format);
            write.Parameters.AddWithValue("$sequence", row.Sequence);
            Assert.Equal(1, await write.ExecuteNonQueryAsync(Cancellation));
        }
    }

    /// <summary>Writes a value the schema forbids, as a damaged disk or a careless repair would (SQLite's writable schema lifts NOT NULL).</summary>
    private async Task DamageAsync(string sql)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') WHERE name = 'audit_entries'; PRAGMA writable_schema = OFF;";
        await command.ExecuteNonQueryAsync(Cancellation);
        await connection.CloseAsync();
        await ExecuteSqlAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "lantern.db")};Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    [Fact]
    public async Task LanguagesStatus_ListsTheTwentyFour_WithWhatIsMissingAndUnreviewed()
    {
        var all = await RunAsync("languages", "status");
        var arabic = await RunAsync("languages", "status", "--language", "AR");
        var unknown = await RunAsync("languages", "status", "--language", "xx");

        Assert.Equal(0, all.ExitCode);
        var lines = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // English is the reviewed source; French is complete (its self-check texts still await review) and serves the back office.
        Assert.Contains(lines, l => l.StartsWith("en\tyes\t0/", StringComparison.Ordinal) && l.EndsWith("\t0\tyes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fr\tyes\t0/", StringComparison.Ordinal) && l.EndsWith("\tyes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ar\tyes\t0/", StringComparison.Ordinal) && l.EndsWith("\tno", StringComparison.Ordinal));
        Assert.Equal(24, lines.Count(l => l.Contains("\tyes\t0/", StringComparison.Ordinal)));
        Assert.Equal(0, arabic.ExitCode);
        Assert.Contains("unreviewed\thome.title", arabic.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("missing\t", arabic.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        LanternCommand.RunAsync(_dataDirectory, Cancellation, arguments);
}
