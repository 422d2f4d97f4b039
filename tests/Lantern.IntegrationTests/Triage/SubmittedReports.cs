using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting.Api;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Triage;

/// <summary>What a test planted in a report: strings that must show where allowed and nowhere else.</summary>
public sealed record PlantedReport(string Reference, string Description, string ContactAddress);

/// <summary>Reports sent through the public API as a partner app would, and referrals set up as the referral step will.</summary>
public static class SubmittedReports
{
    private static readonly string[] _forms = ["labour"];
    private static readonly string[] _signs = ["documents", "violence"];

    /// <summary>A witness report with immediate danger, a free-text account and contact details, each holding a unique marker.</summary>
    public static async Task<PlantedReport> SendAsync(LanternFactory factory, bool immediateDanger = true, CancellationToken cancellationToken = default)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var description = "Workers sleep in the back of the car wash " + marker;
        var contact = "me." + marker + "@example.org";
        var json = JsonSerializer.Serialize(new
        {
            role = "witness",
            language = "en",
            immediateDanger,
            exploitationTypes = _forms,
            signs = _signs,
            minorsInvolved = false,
            location = new { country = "BE", postcode = "2000", municipality = "Antwerpen", placeType = "workplace" },
            when = "weeks",
            description,
            relationship = "customer",
            contact = new { channel = "email", address = contact, safeTimes = "evenings", mayLeaveMessage = false },
        });
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(
            new Uri("/api/v1/reports", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"201 expected, got {(int)response.StatusCode}: {body}");
        var created = JsonSerializer.Deserialize<ReportCreated>(body, JsonSerializerOptions.Web)!;
        return new PlantedReport(created.Reference, description, contact);
    }

    /// <summary>
    /// Plants a referral row (an organisation by its code), or changes the scope of an existing one, straight into the
    /// database: no due date, no notice, no audit entry. For access fixtures; referring itself is tested through the API.
    /// </summary>
    public static Task PlantReferralRowAsync(LanternFactory factory, string reference, string organisationCode, string scope) =>
        factory.WithDbAsync(async db =>
        {
            var reportId = await db.Reports.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            var organisationId = await db.Organisations.Where(o => o.Code == organisationCode).Select(o => o.Id).SingleAsync();
            var existing = await db.Referrals.SingleOrDefaultAsync(f => f.ReportId == reportId && f.OrganisationId == organisationId);
            if (existing is not null)
            {
                existing.Scope = scope;
            }
            else
            {
                db.Referrals.Add(new Referral
                {
                    Id = Guid.CreateVersion7(),
                    ReportId = reportId,
                    OrganisationId = organisationId,
                    Scope = scope,
                    State = ReferralStates.Sent,
                    CreatedAt = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
}
