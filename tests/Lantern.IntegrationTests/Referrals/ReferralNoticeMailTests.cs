using System.Net;
using System.Text.Json.Nodes;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lantern.IntegrationTests.Referrals;

public sealed class ReferralNoticeMailTestsOnSqlite(SqliteMailFactory factory) : ReferralNoticeMailTests<SqliteMailFactory>(factory)
{
    protected override TestSmtpServer Smtp => Factory.Smtp;
}

public sealed class ReferralNoticeMailTestsOnPostgres(PostgresMailFactory factory) : ReferralNoticeMailTests<PostgresMailFactory>(factory)
{
    protected override TestSmtpServer Smtp => Factory.Smtp;
}

/// <summary>
/// The referral notice from end to end, through a real SMTP server: it reaches the organisation's notice address
/// without any report content, and with the mail server down the referral is stored at once and the notice goes
/// out once the server is back.
/// </summary>
public abstract class ReferralNoticeMailTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected abstract TestSmtpServer Smtp { get; }

    [Fact]
    public async Task TheNotice_ReachesTheOrganisation_WithALinkAndNoReportContent()
    {
        await Smtp.StartAsync();
        var address = $"notices-{Guid.NewGuid():N}@payoke.example";
        await SetNoticeEmailAsync("payoke", address);
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);

        var referralId = await ReferThroughApiAsync(report.Reference, "payoke");

        var message = await Smtp.WaitForAsync(m => Addressed(m, address), Patience, Cancellation);
        var text = message.Subject + "\n" + message.TextBody + "\n" + message.HtmlBody;
        Assert.Contains("/staff/referrals/" + referralId, text, StringComparison.Ordinal);
        foreach (var secret in new[] { report.Reference, report.Description, report.ContactAddress, "2000", "passports" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task WithTheMailServerDown_TheReferralIsStored_AndTheNoticeGoesOutOnceTheServerIsBack()
    {
        await Smtp.StopAsync();
        var address = $"outage-{Guid.NewGuid():N}@surya.example";
        await SetNoticeEmailAsync("surya", address);
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", cancellationToken: Cancellation);

        // The referral is answered and stored while nothing can send its notice.
        var referralId = await ReferThroughApiAsync(report.Reference, "surya");
        Assert.True(await Factory.WithDbAsync(db => db.Referrals.AnyAsync(r => r.Id == referralId, Cancellation)));
        await WaitUntilAsync(async () => await Factory.WithDbAsync(db => db.MailOutbox.AnyAsync(m => m.To == address && m.Attempts >= 1 && m.SentAt == null, Cancellation)));
        Assert.DoesNotContain(Smtp.Messages, m => Addressed(m, address));

        await Smtp.StartAsync();
        Factory.Services.GetRequiredService<Lantern.Web.Platform.Mail.MailOutboxSignal>().Wake();
        await Smtp.WaitForAsync(m => Addressed(m, address), Patience, Cancellation);
        await WaitUntilAsync(async () => await Factory.WithDbAsync(db => db.MailOutbox.AnyAsync(m => m.To == address && m.SentAt != null, Cancellation)));
    }

    private static bool Addressed(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private async Task<Guid> ReferThroughApiAsync(string reference, string organisation)
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        using var response = await ReferralReports.ReferThroughApiAsync(api, reference, new { organisation, scope = "full" }, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not reach the expected state in time.");
            await Task.Delay(100, Cancellation);
        }
    }

    private Task<int> SetNoticeEmailAsync(string organisation, string email) =>
        Factory.WithDbAsync(db => db.Organisations.Where(o => o.Code == organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.NoticeEmail, email), Cancellation));
}
