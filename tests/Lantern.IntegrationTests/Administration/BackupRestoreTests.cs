using System.Net;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Administration;

/// <summary>
/// Backup and restore (issue 15), round trip: the database copied while Lantern runs, the keys copied apart; both put
/// into an empty data directory; the restored Lantern opens the report for staff and the follow-up for its receipt.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _backup = Directory.CreateTempSubdirectory("lantern-backup-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupRestoredIntoAnEmptyDirectory_OpensTheReport_ForStaffAndForItsReceipt()
    {
        var database = Path.Combine(_backup, "data", "lantern.db");
        var keys = Path.Combine(_backup, "keys");
        await using var original = new SqliteLanternFactory();
        var report = await FollowUpClient.SendReportAsync(original, cancellationToken: Cancellation);

        var backedUp = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "database", "--to", database);
        var keysBackedUp = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "keys", "--to", keys);
        var again = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "database", "--to", database);

        Assert.True(backedUp.ExitCode == 0, backedUp.Error);
        Assert.True(keysBackedUp.ExitCode == 0, keysBackedUp.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(["lantern.db"], Directory.GetFiles(Path.GetDirectoryName(database)!).Select(Path.GetFileName));
        Assert.NotEmpty(Directory.GetFiles(keys, "*", SearchOption.AllDirectories));

        await using var restored = new SqliteLanternFactory();
        var databaseRestored = await LanternCommand.RunAsync(restored.DataDirectory, Cancellation, "restore", "database", "--from", database);
        var keysRestored = await LanternCommand.RunAsync(restored.DataDirectory, Cancellation, "restore", "keys", "--from", keys);
        var overwrite = await LanternCommand.RunAsync(restored.DataDirectory, Cancellation, "restore", "keys", "--from", keys);

        Assert.True(databaseRestored.ExitCode == 0, databaseRestored.Error);
        Assert.True(keysRestored.ExitCode == 0, keysRestored.Error);
        Assert.Equal(2, overwrite.ExitCode);

        var (_, staff) = await StaffSessions.SignInAsAsync(restored, StaffRoles.Analyst);
        var page = await staff.GetAsync($"/staff/reports/{report.Reference}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(report.Description, page.Html, StringComparison.Ordinal);
        using var reporter = restored.CreateClient();
        Assert.False(string.IsNullOrEmpty(await FollowUpClient.TokenAsync(reporter, report.Receipt, Cancellation)));
    }

    [Fact]
    public async Task ADatabaseBackup_WithoutItsKeys_OpensNothing()
    {
        var database = Path.Combine(_backup, "alone", "lantern.db");
        await using var original = new SqliteLanternFactory();
        var report = await FollowUpClient.SendReportAsync(original, cancellationToken: Cancellation);
        Assert.Equal(0, (await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "database", "--to", database)).ExitCode);

        // Restored without the keys: the new Lantern makes key files of its own, which do not open the data-protection
        // key ring stored in the database, so it refuses to start and says which file is missing: it opens nothing.
        await using var thief = new SqliteLanternFactory();
        Assert.Equal(0, (await LanternCommand.RunAsync(thief.DataDirectory, Cancellation, "restore", "database", "--from", database)).ExitCode);
        var refused = Assert.Throws<InvalidOperationException>(() => thief.CreateClient());
        Assert.Contains("data-protection.key", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Description, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(database, Cancellation)), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_backup, recursive: true);
}
