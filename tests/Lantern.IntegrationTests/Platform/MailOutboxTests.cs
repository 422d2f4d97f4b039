using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Platform;

/// <summary>The outbox sender against a real SMTP server: mails arrive, and wait (with the error kept) while the server is down.</summary>
public abstract class MailOutboxTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    protected abstract TestSmtpServer Smtp { get; }

    [Fact]
    public async Task AQueuedMail_Arrives_AndIsMarkedSent()
    {
        await Smtp.StartAsync();
        var to = $"referrals-{Guid.NewGuid():N}@pag-asa.example";
        var id = await EnqueueAsync(to, "A referral is waiting", "Open Lantern to read it.");

        var message = await Smtp.WaitForAsync(m => m.To.ToString().Contains(to, StringComparison.Ordinal), Patience, Cancellation);
        Assert.Equal("A referral is waiting", message.Subject);
        Assert.Contains("Open Lantern to read it.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("lantern@contact-point.example", message.From.ToString(), StringComparison.Ordinal);

        var mail = await WaitForMailAsync(id, m => m.SentAt is not null);
        Assert.Null(mail.LastError);
        Assert.Equal(1, mail.Attempts);
        Assert.DoesNotContain(to, Factory.Logs.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Open Lantern to read it.", Factory.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheServerDown_TheMailStaysQueuedWithAnError_AndGoesOutOnceItIsBack()
    {
        await Smtp.StopAsync();
        var to = $"down-{Guid.NewGuid():N}@payoke.example";
        var id = await EnqueueAsync(to, "A referral is waiting", "Sent after the outage.");

        var failed = await WaitForMailAsync(id, m => m.Attempts >= 1);
        Assert.Null(failed.SentAt);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.DoesNotContain("Sent after the outage.", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Smtp.Messages, m => m.To.ToString().Contains(to, StringComparison.Ordinal));

        await Smtp.StartAsync();
        Wake();
        await Smtp.WaitForAsync(m => m.To.ToString().Contains(to, StringComparison.Ordinal), Patience, Cancellation);
        var sent = await WaitForMailAsync(id, m => m.SentAt is not null);
        Assert.True(sent.Attempts >= 2);
        Assert.Null(sent.LastError);
        Assert.DoesNotContain(to, Factory.Logs.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sent after the outage.", Factory.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendersOfSeveralProcessesAtOnce_SendEachMailExactlyOnce()
    {
        await Smtp.StartAsync();
        var tag = Guid.NewGuid().ToString("N");
        var recipients = Enumerable.Range(1, 6).Select(i => $"once-{i}-{tag}@surya.example").ToList();
        var ids = new List<Guid>();
        foreach (var to in recipients)
        {
            ids.Add(await EnqueueAsync(to, "A referral is waiting", "Exactly once.", wake: false));
        }

        // Three back-office processes' senders (the app's own also runs) read the same due mails at the same moment.
        var senders = Enumerable.Range(0, 3).Select(_ => new OutboxSender(
            Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Factory.Services.GetRequiredService<SmtpTransport>(),
            new MailOutboxSignal(),
            TimeProvider.System,
            Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Lantern.Web.Platform.LanternOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxSender>.Instance)).ToList();
        await Task.WhenAll(senders.Select(s => s.SendDueAsync(Cancellation)));
        Wake();

        foreach (var id in ids)
        {
            await WaitForMailAsync(id, m => m.SentAt is not null);
        }

        await Task.Delay(500, Cancellation);
        foreach (var to in recipients)
        {
            Assert.Single(Smtp.Messages, m => m.To.ToString().Contains(to, StringComparison.Ordinal));
        }
    }

    private async Task<Guid> EnqueueAsync(string to, string subject, string body, bool wake = true)
    {
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Lantern.Web.Core.Persistence.LanternDbContext>();
        var mail = MailOutbox.Enqueue(db, DateTime.UtcNow, to, subject, body);
        await db.SaveChangesAsync(Cancellation);
        if (wake)
        {
            Wake();
        }

        return mail.Id;
    }

    private void Wake() => Factory.Services.GetRequiredService<MailOutboxSignal>().Wake();

    private async Task<OutboxMail> WaitForMailAsync(Guid id, Func<OutboxMail, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var mail = await Factory.WithDbAsync(db => db.MailOutbox.AsNoTracking().SingleAsync(m => m.Id == id, Cancellation));
            if (done(mail))
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Mail {id}: attempts {mail.Attempts}, sent {mail.SentAt}, error {mail.LastError}.");
            await Task.Delay(100, Cancellation);
        }
    }
}

public sealed class MailOutboxTestsOnSqlite(SqliteMailFactory factory) : MailOutboxTests<SqliteMailFactory>(factory)
{
    protected override TestSmtpServer Smtp => Factory.Smtp;
}

public sealed class MailOutboxTestsOnPostgres(PostgresMailFactory factory) : MailOutboxTests<PostgresMailFactory>(factory)
{
    protected override TestSmtpServer Smtp => Factory.Smtp;
}

/// <summary>In a split deployment only the back office sends: the intake process leaves the outbox alone.</summary>
public sealed class MailOutboxInIntakeRoleTests(MailOutboxInIntakeRoleTests.IntakeMailFactory factory)
    : LanternTestBase<MailOutboxInIntakeRoleTests.IntakeMailFactory>(factory)
{
    [Fact]
    public async Task TheIntakeProcess_NeverSendsTheOutbox()
    {
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Lantern.Web.Core.Persistence.LanternDbContext>();
            MailOutbox.Enqueue(db, DateTime.UtcNow, "nobody@pag-asa.example", "Waiting", "Not from intake.");
            await db.SaveChangesAsync(Cancellation);
        }

        Factory.Services.GetRequiredService<MailOutboxSignal>().Wake();
        await Task.Delay(TimeSpan.FromSeconds(3), Cancellation);

        Assert.Empty(Factory.Smtp.Messages);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.MailOutbox.SumAsync(m => m.Attempts, Cancellation)));
    }

    public sealed class IntakeMailFactory : SqliteLanternFactory
    {
        public TestSmtpServer Smtp { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(Smtp.LanternSettings) { ["Lantern:Role"] = "Intake" };

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
}
