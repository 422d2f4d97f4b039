using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Statistics;

/// <summary>
/// Reports of 2024 whose figures are counted by hand in the tests (coded fields only: the content is random bytes, as
/// the statistics never read it):
/// 25 in March (web, victim, fr, BE-BRU, sexual, no danger, no minors, acknowledged after 2 h, first reply after 1 day;
/// 5 of them referred to Payoke 3 h after receipt, acknowledged 1 h later, 2 closed "support-started"),
/// 12 in May (phone, witness, nl, BE-VLG, labour, immediate danger, minors, acknowledged after 90 min: late),
/// 3 in August (api, professional, de, BE-WAL, begging and labour, danger and minors not known, never acknowledged).
/// </summary>
public static class StatisticsSeed
{
    public const int Year = 2024;

    public static async Task PlantAsync(LanternFactory factory)
    {
        await factory.WithDbAsync(async (LanternDbContext db) =>
        {
            var start = new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            if (await db.Reports.AnyAsync(r => r.ReceivedAt >= start && r.ReceivedAt < start.AddYears(1)))
            {
                return 0;
            }

            var payoke = await db.Organisations.Where(o => o.Code == "payoke").Select(o => o.Id).SingleAsync();
            for (var i = 0; i < 25; i++)
            {
                var received = new DateTime(Year, 3, 1 + i, 10, 0, 0, DateTimeKind.Utc);
                var report = Build(received, ReportCodes.Channels.Web, "victim", "fr", "BE-BRU", danger: false, minors: false, "sexual");
                report.AcknowledgedAt = received.AddHours(2);
                report.FirstReplyAt = received.AddDays(1);
                db.Reports.Add(report);
                if (i < 5)
                {
                    var sent = received.AddHours(3);
                    db.Add(new Referral
                    {
                        Id = Guid.CreateVersion7(),
                        ReportId = report.Id,
                        OrganisationId = payoke,
                        Scope = ReferralScopes.Full,
                        State = i < 2 ? ReferralStates.Closed : ReferralStates.Acknowledged,
                        CreatedAt = sent,
                        DueAt = sent.AddHours(24),
                        AcknowledgedAt = sent.AddHours(1),
                        ClosedAt = i < 2 ? sent.AddDays(10) : null,
                        Outcome = i < 2 ? "support-started" : null,
                    });
                }
            }

            for (var i = 0; i < 12; i++)
            {
                var received = new DateTime(Year, 5, 1 + i, 22, 0, 0, DateTimeKind.Utc);
                var report = Build(received, ReportCodes.Channels.Phone, "witness", "nl", "BE-VLG", danger: true, minors: true, "labour");
                report.AcknowledgedAt = received.AddMinutes(90);
                db.Reports.Add(report);
            }

            for (var i = 0; i < 3; i++)
            {
                db.Reports.Add(Build(new DateTime(Year, 8, 1 + i, 8, 0, 0, DateTimeKind.Utc), ReportCodes.Channels.Api, "professional", "de", "BE-WAL", danger: null, minors: null, "begging", "labour"));
            }

            return await db.SaveChangesAsync();
        });
    }

    public static Report Build(DateTime received, string channel, string role, string language, string region, bool? danger, bool? minors, params string[] forms) => new()
    {
        Id = Guid.CreateVersion7(),
        Reference = ReferenceGenerator.Next(),
        ReceivedAt = received,
        Channel = channel,
        Role = role,
        Language = language,
        Country = "BE",
        Region = region,
        ImmediateDanger = danger,
        MinorsInvolved = minors,
        UrgencyReasons = string.Empty,
        Status = ReportStatus.Closed,
        StatusChangedAt = received.AddDays(20),
        ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
        StaffKeyId = "test",
        SealedDataKey = RandomNumberGenerator.GetBytes(KeySealer.SealedSize),
        ReceiptWrappedKey = RandomNumberGenerator.GetBytes(KeyWrap.WrappedSize),
        Forms = [.. forms.Select(f => new ReportForm { Code = f })],
    };
}
