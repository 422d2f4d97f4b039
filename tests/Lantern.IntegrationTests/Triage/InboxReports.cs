using System.Security.Cryptography;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Regions;
using Lantern.Web.Core.Reports;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Triage;

/// <summary>
/// Reports written straight into the database with only the coded columns the inbox reads (the encrypted parts are
/// random bytes: the inbox never opens them). Each test works in a region of its own, added as a postcode range, so
/// that its reports can be told apart from those of the other tests sharing the class's database.
/// </summary>
public static class InboxReports
{
    /// <summary>A fresh region (a postcode range far from the real ones), valid as a filter value.</summary>
    public static async Task<string> NewRegionAsync(LanternFactory factory)
    {
        var region = "T-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        await factory.WithDbAsync(async db =>
        {
            db.PostcodeRanges.Add(new PostcodeRange { Country = "ZZ", From = 1, To = 1, Region = region });
            return await db.SaveChangesAsync();
        });
        return region;
    }

    public static Report Report(
        string region,
        DateTime receivedAt,
        int level = 0,
        bool? danger = false,
        string status = ReportStatus.New,
        string[]? forms = null,
        string language = "en",
        string channel = ReportCodes.Channels.Web,
        Guid? assignedTo = null,
        DateTime? acknowledgedAt = null,
        string reasons = "") => new()
        {
            Id = Guid.CreateVersion7(),
            Reference = "LT-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)),
            ReceivedAt = receivedAt,
            Channel = channel,
            Role = "witness",
            Language = language,
            Country = "BE",
            Region = region,
            ImmediateDanger = danger,
            MinorsInvolved = false,
            UrgencyLevel = level,
            UrgencyReasons = reasons,
            Status = status,
            AssignedToId = assignedTo,
            AcknowledgedAt = acknowledgedAt,
            ReceiptVerifier = RandomNumberGenerator.GetBytes(32),
            StaffKeyId = "test",
            SealedDataKey = RandomNumberGenerator.GetBytes(48),
            ReceiptWrappedKey = RandomNumberGenerator.GetBytes(48),
            Forms = [.. (forms ?? ["unknown"]).Select(code => new ReportForm { Code = code })],
        };

    public static async Task AddAsync(LanternFactory factory, params Report[] reports)
    {
        await factory.WithDbAsync(async db =>
        {
            db.Reports.AddRange(reports);
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>
    /// Plants a referral row of <paramref name="report"/> to the organisation with code <paramref name="organisation"/>
    /// straight into the database: no due date, no notice, no audit entry. For inbox fixtures only; a test of referring
    /// goes through the API (<c>ReferralReports.ReferThroughApiAsync</c>).
    /// </summary>
    public static async Task PlantReferralRowAsync(LanternFactory factory, Report report, string organisation)
    {
        await factory.WithDbAsync(async db =>
        {
            var id = await db.Organisations.Where(o => o.Code == organisation).Select(o => o.Id).SingleAsync();
            db.Referrals.Add(new Referral
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                OrganisationId = id,
                Scope = ReferralScopes.Full,
                State = ReferralStates.Sent,
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Now, to the whole second: PostgreSQL keeps microseconds, SQLite ticks; whole seconds compare equal in both.</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
