using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests (the SmtpServer package), plain SMTP without authentication.
/// It keeps every message it receives, parsed with MimeKit, and can be stopped and started again on the same
/// port to simulate a mail server that is down.
/// <para>How to use it: take <see cref="SqliteMailFactory"/> / <see cref="PostgresMailFactory"/> as the class
/// fixture (their <c>Smtp</c> is started and <c>Lantern:Mail</c> points at it), enqueue a mail through the app
/// (e.g. <c>MailOutbox.Enqueue</c> + <c>SaveChanges</c> + <c>MailOutboxSignal.Wake()</c>, or any action that
/// does so), then <c>await factory.Smtp.WaitForAsync(m => m.To... , ct)</c>. <see cref="StopAsync"/> /
/// <see cref="StartAsync"/> take the server down and bring it back; <see cref="Messages"/> lists what arrived.</para>
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;

    public TestSmtpServer() => Port = FreePort();

    public int Port { get; }

    public static string Host => "127.0.0.1";

    public bool IsRunning => _server is not null;

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>The settings that point Lantern's outbox at this server (fast polling and retries for tests).</summary>
    public IReadOnlyDictionary<string, string?> LanternSettings => new Dictionary<string, string?>
    {
        ["Lantern:Mail:Host"] = Host,
        ["Lantern:Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lantern:Mail:Security"] = "None",
        ["Lantern:Mail:FromAddress"] = "lantern@contact-point.example",
        ["Lantern:Mail:FromName"] = "Lantern tests",
        ["Lantern:Mail:PollInterval"] = "00:00:01",
        ["Lantern:Mail:RetrySchedule:0"] = "00:00:01",
        ["Lantern:Mail:Timeout"] = "00:00:05",
    };

    public Task StartAsync()
    {
        if (_server is not null)
        {
            return Task.CompletedTask;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CollectingStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _ = _server.StartAsync(_stop.Token);
        return WaitUntilListeningAsync();
    }

    /// <summary>Takes the server down: connections to its port are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelled while shutting down: it is down either way.
        }

        _stop.Dispose();
        _stop = null;
        _server = null;
    }

    /// <summary>The first message received (now or within <paramref name="timeout"/>) that matches.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching mail within {timeout} ({_messages.Count} received).");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CollectingStore(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            owner._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>Lantern on SQLite whose outbox sends to its own <see cref="TestSmtpServer"/> (started with the fixture).</summary>
public sealed class SqliteMailFactory : SqliteLanternFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => Smtp.LanternSettings;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Smtp.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Lantern on PostgreSQL whose outbox sends to its own <see cref="TestSmtpServer"/> (started with the fixture).</summary>
public sealed class PostgresMailFactory : PostgresLanternFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => Smtp.LanternSettings;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Smtp.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
