using System.Data.Common;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Audit;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Audit;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Triage.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Audit;

/// <summary>
/// A change and its audit entry are one unit: a request cancelled between the two (a client that disconnects)
/// leaves both or neither; and appends running at the same moment keep one valid chain.
/// </summary>
public abstract class AuditTrailTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory, ICancelsAfterCommand
{
    [Fact]
    public async Task ACancellationRightAfterTheAssignmentIsWritten_LeavesTheAssignmentAndItsEntry()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var member = new StaffMember(coordinator.Id, coordinator.Email, [StaffRoles.Coordinator], null);

        await RunCancelledAfterAsync("reports", (scope, token) =>
            scope.ServiceProvider.GetRequiredService<AssignReport>().ExecuteAsync(member, report.Reference, coordinator.Id, token));

        var assigned = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.AssignedToId).SingleAsync(Cancellation));
        Assert.Equal(coordinator.Id, assigned);
        Assert.Equal(1, await EntriesAsync("report.assigned", report.Reference));
    }

    [Fact]
    public async Task ACancellationRightAfterTheStatusChangeIsWritten_LeavesTheChangeAndItsEntry()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var member = new StaffMember(coordinator.Id, coordinator.Email, [StaffRoles.Coordinator], null);

        await RunCancelledAfterAsync("reports", (scope, token) => scope.ServiceProvider.GetRequiredService<ChangeReportStatus>()
            .ExecuteAsync(member, report.Reference, ReportStatus.New, ReportStatus.InTriage, null, token));

        var status = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Status).SingleAsync(Cancellation));
        Assert.Equal(ReportStatus.InTriage, status);
        Assert.Equal(1, await EntriesAsync("report.status-changed", report.Reference));
    }

    [Fact]
    public async Task AFailedSaveLeavesNeitherTheChangeNorItsEntry()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var member = new StaffMember(coordinator.Id, coordinator.Email, [StaffRoles.Coordinator], null);

        // The conditional update is written, then the database fails before the entry: the change must go with it.
        await Assert.ThrowsAnyAsync<Exception>(() => RunFailingAfterAsync("reports", scope => scope.ServiceProvider.GetRequiredService<ChangeReportStatus>()
            .ExecuteAsync(member, report.Reference, ReportStatus.New, ReportStatus.InTriage, null, CancellationToken.None)));

        var status = await Factory.WithDbAsync(db => db.Reports.Where(r => r.Reference == report.Reference).Select(r => r.Status).SingleAsync(Cancellation));
        Assert.Equal(ReportStatus.New, status);
        Assert.Equal(0, await EntriesAsync("report.status-changed", report.Reference));
    }

    [Fact]
    public async Task AppendsAtTheSameMoment_KeepOneValidChain()
    {
        const int Appends = 24;
        var before = await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(Cancellation));

        // Each on its own scope and connection, as separate processes would be.
        await Task.WhenAll(Enumerable.Range(0, Appends).Select(i => Task.Run(async () =>
        {
            await using var scope = Factory.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                scope.ServiceProvider.GetRequiredService<LanternDbContext>(), "test", "test.concurrent", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, Cancellation)));

        await using var verifying = Factory.CreateScope();
        var outcome = await verifying.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Cancellation);
        Assert.True(outcome.Intact, outcome.Message);
        Assert.Equal(before + Appends, outcome.Checked);
        Assert.Equal(Appends, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "test.concurrent", Cancellation)));
    }

    [Fact]
    public async Task ASaveWithAnEntryNotGivenItsPlaceInTheChain_IsRefused()
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Add(db, "test", "test.unchained");

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancellation));
    }

    private Task<int> EntriesAsync(string action, string record) =>
        Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.Record == record, Cancellation));

    private async Task RunCancelledAfterAsync(string table, Func<AsyncServiceScope, CancellationToken, Task> action)
    {
        await using var scope = Factory.CreateScope();
        using var cancellation = new CancellationTokenSource();
        Factory.Commands.Arm(table, cancellation.Cancel);
        try
        {
            await action(scope, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            // Whether the action gives up is not the point: what it leaves behind is.
        }
        finally
        {
            Factory.Commands.Disarm();
        }

        Assert.True(cancellation.IsCancellationRequested, "The change was never written.");
    }

    private async Task RunFailingAfterAsync(string table, Func<AsyncServiceScope, Task> action)
    {
        await using var scope = Factory.CreateScope();
        Factory.Commands.Arm(table, () => throw new InvalidOperationException("The database failed after the change."));
        try
        {
            await action(scope);
        }
        finally
        {
            Factory.Commands.Disarm();
        }
    }
}

/// <summary>A factory whose DbContexts run <see cref="CommandTrap"/> after every command.</summary>
public interface ICancelsAfterCommand
{
    CommandTrap Commands { get; }
}

/// <summary>
/// Runs a callback the moment a write to a table has been executed (inside the change, before anything after
/// it), once; disarmed, it does nothing.
/// </summary>
public sealed class CommandTrap : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private (string Table, Action Callback)? _armed;

    public void Arm(string table, Action callback)
    {
        lock (_lock)
        {
            _armed = (table, callback);
        }
    }

    public void Disarm()
    {
        lock (_lock)
        {
            _armed = null;
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Spring(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Spring(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Spring(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Spring(command);
        return ValueTask.FromResult(result);
    }

    private void Spring(DbCommand command)
    {
        Action? callback = null;
        lock (_lock)
        {
            // SQLite quotes every identifier ("reports"), Npgsql only those that need it (reports).
            if (_armed is { } armed && (command.CommandText.Contains($"UPDATE \"{armed.Table}\"", StringComparison.Ordinal)
                || command.CommandText.Contains($"UPDATE {armed.Table} ", StringComparison.Ordinal)))
            {
                callback = armed.Callback;
                _armed = null;
            }
        }

        callback?.Invoke();
    }
}

public sealed class TrappedSqliteFactory : SqliteLanternFactory, ICancelsAfterCommand
{
    public CommandTrap Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<SqliteLanternDbContext>(options => options.AddInterceptors(Commands)));
    }
}

public sealed class TrappedPostgresFactory : PostgresLanternFactory, ICancelsAfterCommand
{
    public CommandTrap Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<PostgresLanternDbContext>(options => options.AddInterceptors(Commands)));
    }
}

public sealed class AuditTrailTestsOnSqlite(TrappedSqliteFactory factory) : AuditTrailTests<TrappedSqliteFactory>(factory);

public sealed class AuditTrailTestsOnPostgres(TrappedPostgresFactory factory) : AuditTrailTests<TrappedPostgresFactory>(factory);
