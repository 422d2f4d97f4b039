using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Administration;

/// <summary>
/// <c>keys rotate-staff-key</c>, <c>keys status</c> and <c>keys reseal</c> (issue 15) run as an operator runs them: new
/// reports go to the new key, the old key's reports are re-sealed to it (part by the command, the rest by the
/// background job of a Lantern started on the result), and afterwards they open without the old private key.
/// </summary>
public sealed class StaffKeyRotationTests : IDisposable
{
    private readonly string _backup = Directory.CreateTempSubdirectory("lantern-staffkey-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RotatingTheStaffKey_ResealsEveryReport_ResumablyAndInTheBackground_AndTheyOpenWithoutTheOldKey()
    {
        await using var original = new SqliteLanternFactory();
        var reports = new List<ReceiptedReport>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await FollowUpClient.SendReportAsync(original, cancellationToken: Cancellation));
        }

        var staffFolder = Path.Combine(original.DataDirectory, "keys", "staff");
        var oldKey = (await File.ReadAllTextAsync(Path.Combine(staffFolder, "current"), Cancellation)).Trim();

        var rotated = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "keys", "rotate-staff-key");

        Assert.True(rotated.ExitCode == 0, rotated.Error);
        var newKey = (await File.ReadAllTextAsync(Path.Combine(staffFolder, "current"), Cancellation)).Trim();
        Assert.NotEqual(oldKey, newKey);
        Assert.True(File.Exists(Path.Combine(staffFolder, newKey + ".key")));
        Assert.Equal([oldKey], (await File.ReadAllLinesAsync(Path.Combine(staffFolder, "retired"), Cancellation)).Where(l => l.Length > 0));
        Assert.Contains($"New staff key {newKey}", rotated.Output, StringComparison.Ordinal);

        // Resumable: one report now, as if the work had stopped there.
        var partly = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "keys", "reseal", "--limit", "1");
        Assert.True(partly.ExitCode == 0, partly.Error);
        Assert.Contains("Re-sealed 1 report(s); 2 left on retired keys.", partly.Output, StringComparison.Ordinal);
        var status = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "keys", "status");
        Assert.Contains($"{oldKey}\t2\tretired (to re-seal)\tyes", status.Output, StringComparison.Ordinal);
        Assert.Contains($"{newKey}\t1\tcurrent\tyes", status.Output, StringComparison.Ordinal);
        var actions = await original.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Actor == "cli").Select(e => e.Action).ToListAsync());
        Assert.Equal(["keys.staff-rotated", "reports.resealed"], actions);

        // A Lantern started on the result (as after the restart the command asks for) re-seals the rest in the background.
        Assert.Equal(0, (await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "database", "--to", Path.Combine(_backup, "lantern.db"))).ExitCode);
        Assert.Equal(0, (await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "keys", "--to", Path.Combine(_backup, "keys"))).ExitCode);
        await using var restarted = new SqliteLanternFactory();
        Assert.Equal(0, (await LanternCommand.RunAsync(restarted.DataDirectory, Cancellation, "restore", "database", "--from", Path.Combine(_backup, "lantern.db"))).ExitCode);
        Assert.Equal(0, (await LanternCommand.RunAsync(restarted.DataDirectory, Cancellation, "restore", "keys", "--from", Path.Combine(_backup, "keys"))).ExitCode);
        var fresh = await FollowUpClient.SendReportAsync(restarted, cancellationToken: Cancellation);
        await WaitUntilAsync(async () => await restarted.WithDbAsync(db => db.Reports.CountAsync(r => r.StaffKeyId == oldKey)) == 0);
        Assert.Equal(newKey, await restarted.WithDbAsync(db => db.Reports.Where(r => r.Reference == fresh.Reference).Select(r => r.StaffKeyId).SingleAsync()));
        Assert.Equal(1, await restarted.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "system" && e.Action == "reports.resealed")));

        // Without the old private key, every report still opens for staff.
        var restoredStaff = Path.Combine(restarted.DataDirectory, "keys", "staff");
        await restarted.StopAppAsync();
        File.Delete(Path.Combine(restoredStaff, oldKey + ".key"));
        File.Delete(Path.Combine(restoredStaff, oldKey + ".pub"));
        File.Delete(Path.Combine(restoredStaff, "retired"));
        Assert.Equal(0, (await LanternCommand.RunAsync(restarted.DataDirectory, Cancellation, "backup", "database", "--to", Path.Combine(_backup, "after.db"))).ExitCode);
        await using var withoutOldKey = new SqliteLanternFactory();
        Assert.Equal(0, (await LanternCommand.RunAsync(withoutOldKey.DataDirectory, Cancellation, "restore", "database", "--from", Path.Combine(_backup, "after.db"))).ExitCode);
        Assert.Equal(0, (await LanternCommand.RunAsync(withoutOldKey.DataDirectory, Cancellation, "restore", "keys", "--from", Path.Combine(restarted.DataDirectory, "keys"))).ExitCode);
        var analyst = await StaffSessions.CreateAsync(withoutOldKey, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(withoutOldKey, analyst);
        using var client = withoutOldKey.CreateClient();
        foreach (var report in reports.Append(fresh))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/{report.Reference}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var opened = await client.SendAsync(request, Cancellation);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains(report.Description, await opened.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_backup, recursive: true);

    /// <summary>Waits for the background job (it runs at start, then every minute) without assuming how long it takes.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(100, Cancellation);
        }

        Assert.Fail("The background re-sealing did not finish within a minute.");
    }
}
