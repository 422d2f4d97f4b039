using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Background;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Cluster;

public sealed class ClusterWorkTestsOnSqlite(SqliteClockFactory factory) : ClusterWorkTests<SqliteClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

public sealed class ClusterWorkTestsOnPostgres(PostgresClockFactory factory) : ClusterWorkTests<PostgresClockFactory>(factory)
{
    protected override TestClock Clock => Factory.Clock;
}

/// <summary>
/// Background work runs on one process of the cluster: each <see cref="ClusterWork"/> here stands for a Lantern process
/// (its own random id) on the same database.
/// </summary>
public abstract class ClusterWorkTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    protected abstract TestClock Clock { get; }

    [Fact]
    public async Task OneProcessHoldsAJob_UntilItsLeaseRunsOut_ThenAnotherTakesIt()
    {
        var job = "test." + Guid.NewGuid().ToString("N");
        var (first, second) = (Node(), Node());

        Assert.True(await first.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));
        Assert.False(await second.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));

        // The holder renews; the other still waits.
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await first.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await second.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));

        // The holder stops renewing (killed): once its lease has run out, the other takes the job over.
        Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await second.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));
        Assert.False(await first.TryAcquireAsync(job, TimeSpan.FromMinutes(3), Cancellation));
    }

    [Fact]
    public async Task ReleasingALease_LetsAnotherProcessTakeItAtOnce_ButOnlyItsHolderCanReleaseIt()
    {
        var job = "test." + Guid.NewGuid().ToString("N");
        var (first, second) = (Node(), Node());
        Assert.True(await first.TryAcquireAsync(job, TimeSpan.FromHours(1), Cancellation));

        await second.ReleaseAsync(job, Cancellation);
        Assert.False(await second.TryAcquireAsync(job, TimeSpan.FromHours(1), Cancellation));

        await first.ReleaseAsync(job, Cancellation);
        Assert.True(await second.TryAcquireAsync(job, TimeSpan.FromHours(1), Cancellation));
    }

    [Fact]
    public async Task ProcessesStartingTogether_OnlyOneTakesANewJob()
    {
        var job = "test." + Guid.NewGuid().ToString("N");
        var nodes = Enumerable.Range(0, 8).Select(_ => Node()).ToList();
        using var start = new SemaphoreSlim(0);

        var attempts = nodes.Select(async node =>
        {
            await start.WaitAsync(Cancellation);
            return await node.TryAcquireAsync(job, TimeSpan.FromMinutes(5), Cancellation);
        }).ToList();
        start.Release(nodes.Count);
        var taken = await Task.WhenAll(attempts);

        Assert.Equal(1, taken.Count(t => t));
    }

    private ClusterWork Node() => new(Factory.Services.GetRequiredService<IServiceScopeFactory>(), Clock);
}
