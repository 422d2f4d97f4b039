using System.Net;
using System.Net.Http.Headers;
using Lantern.IntegrationTests.Detection;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Detection;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Administration;

/// <summary>
/// <c>detection reindex</c> and <c>detection rotate-key</c> (issue 12) run as an operator runs them, beside the running
/// server: a new key file, every index rebuilt under it, audited; a Lantern started on the result links the reports.
/// </summary>
public sealed class DetectionCommandTests : IDisposable
{
    private readonly string _backup = Directory.CreateTempSubdirectory("lantern-rotate-").FullName;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RotateKey_RebuildsEveryIndexUnderANewKey_AndTheReportsStayLinked()
    {
        await using var original = new SqliteLanternFactory();
        var written = DetectedReports.UniquePhone(out var e164);
        var first = await DetectedReports.SendAsync(original, $"The boss answers on {written} every night.", Cancellation);
        await DetectedReports.SendAsync(original, $"Call {e164} for the job.", Cancellation);
        var keyFile = Path.Combine(original.DataDirectory, "keys", "index.key");
        var keyBefore = await File.ReadAllBytesAsync(keyFile, Cancellation);
        var hashesBefore = await HashesAsync(original);

        var reindexed = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "detection", "reindex");
        var rotated = await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "detection", "rotate-key");

        Assert.True(reindexed.ExitCode == 0, reindexed.Error);
        Assert.Contains("Indexed 0 report(s)", reindexed.Output, StringComparison.Ordinal);
        Assert.True(rotated.ExitCode == 0, rotated.Error);
        Assert.Contains("2 report(s) indexed again", rotated.Output, StringComparison.Ordinal);
        Assert.NotEqual(keyBefore, await File.ReadAllBytesAsync(keyFile, Cancellation));
        Assert.False(File.Exists(keyFile + ".next"));
        var hashesAfter = await HashesAsync(original);
        Assert.Equal(hashesBefore.Count, hashesAfter.Count);
        Assert.Empty(hashesAfter.Intersect(hashesBefore));
        Assert.Equal("cli", await original.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "entities.key-rotated").Select(e => e.Actor).SingleAsync()));

        // A Lantern started on the rotated database and keys (as after the restart the command asks for) links them.
        Assert.Equal(0, (await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "database", "--to", Path.Combine(_backup, "lantern.db"))).ExitCode);
        Assert.Equal(0, (await LanternCommand.RunAsync(original.DataDirectory, Cancellation, "backup", "keys", "--to", Path.Combine(_backup, "keys"))).ExitCode);
        await using var restarted = new SqliteLanternFactory();
        Assert.Equal(0, (await LanternCommand.RunAsync(restarted.DataDirectory, Cancellation, "restore", "database", "--from", Path.Combine(_backup, "lantern.db"))).ExitCode);
        Assert.Equal(0, (await LanternCommand.RunAsync(restarted.DataDirectory, Cancellation, "restore", "keys", "--from", Path.Combine(_backup, "keys"))).ExitCode);
        var analyst = await StaffSessions.CreateAsync(restarted, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(restarted, analyst);
        using var client = restarted.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reports/{first}/links");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var links = await client.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.OK, links.StatusCode);
        Assert.Contains(e164, await links.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(hashesAfter.Order(StringComparer.Ordinal), (await HashesAsync(restarted)).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_backup, recursive: true);

    private static Task<List<string>> HashesAsync(LanternFactory factory) =>
        factory.WithDbAsync(async db => (await db.EntityIndex.AsNoTracking().Select(e => e.Hash).ToListAsync()).Select(Convert.ToHexString).ToList());
}
