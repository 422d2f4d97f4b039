using System.Net;
using Lantern.Tests.Support;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Web;

/// <summary>
/// The intake's limits (docs/SECURITY.md, "Floods"): reports per client per minute on the app's clock, and the bound on
/// reports being stored at once, with its line.
/// </summary>
public sealed class IntakeLimitsTests
{
    [Fact]
    public void AClientOverItsLimit_IsToldHowLongItsMinuteLasts_AndOtherClientsAreNotCounted()
    {
        var clock = new MovableClock();
        var limiter = new IntakeLimiter(2, clock);
        var client = From("198.51.100.7");

        Assert.True(limiter.TryAcquire(client, out _));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(40));

        Assert.True(limiter.TryAcquire(From("198.51.100.8"), out _));

        // The minute opened with the first report: 40 seconds on it is over, and the client has its two again.
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out _));
    }

    [Fact]
    public void AReportGivenBack_IsNotCounted_AndGivingBackNeverGoesBelowNothing()
    {
        var limiter = new IntakeLimiter(1, new MovableClock());
        var client = From("198.51.100.11");

        // Counted, then not stored because the line was full: the client still has its one report this minute.
        Assert.True(limiter.TryAcquire(client, out _));
        limiter.GiveBack(client);
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out _));

        // Given back twice for the one report counted, and for a client never seen: the count never goes below nothing.
        limiter.GiveBack(client);
        limiter.GiveBack(client);
        limiter.GiveBack(From("198.51.100.12"));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out _));
    }

    [Fact]
    public void AnEndedWindow_IsForgotten_AndItsClientStartsAfresh()
    {
        var clock = new MovableClock();
        var limiter = new IntakeLimiter(1, clock);
        var client = From("198.51.100.9");
        Assert.True(limiter.TryAcquire(client, out _));

        // Long after: the next count sweeps the ended windows, this client's among them.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(limiter.TryAcquire(From("198.51.100.10"), out _));
        Assert.True(limiter.TryAcquire(client, out _));
        Assert.False(limiter.TryAcquire(client, out _));
    }

    [Fact]
    public async Task TheWriteGate_LetsItsPlacesIn_QueuesTheNextOnes_AndRefusesOnlyWhenTheLineIsFull()
    {
        using var gate = new IntakeWriteGate(Options.Create(new RateLimitOptions { ConcurrentReportWrites = 1, ReportWriteQueue = 1 }));

        var first = await gate.EnterAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(first);
        Assert.Equal(1, gate.Writing);

        var second = gate.EnterAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(second.IsCompleted);

        Assert.Null(await gate.EnterAsync(TestContext.Current.CancellationToken));

        // The first report stored: the one waiting in line takes its place.
        first.Dispose();
        using var place = await second;
        Assert.NotNull(place);
        Assert.Equal(1, gate.Writing);
    }

    [Fact]
    public void TheDefaults_AreValid()
    {
        var options = Resolve([]);

        Assert.Equal(32, options.ConcurrentReportWrites);
        Assert.Equal(200, options.ReportWriteQueue);
    }

    [Theory]
    [InlineData("ConcurrentReportWrites", "0")]
    [InlineData("ConcurrentReportWrites", "5000")]
    [InlineData("ReportWriteQueue", "-1")]
    [InlineData("IntakePerClientPerMinute", "0")]
    [InlineData("RequestsPerClientPerMinute", "-5")]
    [InlineData("FailedTokensPerClientPerMinute", "0")]
    public void AValueOutOfRange_IsRefused(string option, string value) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { [RateLimitOptions.Section + ":" + option] = value }));

    private static RateLimitOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddRateLimits(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RateLimitOptions>>().Value;
    }

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
