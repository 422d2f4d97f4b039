using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// The app's <see cref="TimeProvider"/> for tests where days must pass: the real time plus an offset the test moves
/// forward. Everything Lantern dates (referrals closing, access ending, tokens) reads this clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Puts the clock in place of the app's own (after the app's registrations, so it wins).</summary>
    public void Install(IWebHostBuilder builder) => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(this));
}

/// <summary>Lantern on SQLite with a <see cref="TestClock"/>: one per test class, so moving the clock touches no other class.</summary>
public class SqliteClockFactory : SqliteLanternFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clock.Install(builder);
    }
}

/// <summary>Lantern on PostgreSQL with a <see cref="TestClock"/>.</summary>
public class PostgresClockFactory : PostgresLanternFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Clock.Install(builder);
    }
}
