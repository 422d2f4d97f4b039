using System.Diagnostics;
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "lantern.db")};Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancellation));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "lantern.db")};Pooling=False");
        await connection.OpenAsync(Cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lantern.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Lantern__DataDirectory"] = _dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancellation);
        var error = process.StandardError.ReadToEndAsync(Cancellation);
        await process.WaitForExitAsync(Cancellation);
        return (process.ExitCode, await output, await error);
    }
}
