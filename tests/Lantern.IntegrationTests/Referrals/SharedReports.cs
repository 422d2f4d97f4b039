using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Files;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Referrals;

/// <summary>
/// A report referred with the full scope that holds every kind of file: one the contact point attached to the report
/// (shared by the referral), and one sent in the reporter thread each way (never shared: the thread is the central
/// team's). The analyst who attached and wrote is named by e-mail, to look for it where partners read.
/// </summary>
public sealed record SharedReport(
    string Reference,
    Guid ReferralId,
    Guid ReportFileId,
    Guid ReporterThreadFileId,
    Guid TeamThreadFileId,
    string AnalystEmail,
    string TeamMessage,
    string ReporterMessage);

/// <summary>Builds <see cref="SharedReport"/>s and reads what a partner gets, through the real pages and API.</summary>
public static class SharedReports
{
    public static async Task<SharedReport> ShareThroughPagesAndApiAsync(LanternFactory factory, string organisation, CancellationToken cancellationToken)
    {
        var report = await FollowUpClient.SendReportAsync(factory, cancellationToken: cancellationToken);
        var analyst = await StaffSessions.CreateAsync(factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(factory, analyst);
        var marker = Guid.NewGuid().ToString("N")[..10];

        using (var attached = await FilesThroughApi.UploadAsync(factory, token, report.Reference, "evidence.png", TestFiles.Png(), "image/png", cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        }

        using var client = factory.CreateClient();
        var reporterMessage = "Reporter to team " + marker;
        var reporterToken = await FollowUpClient.TokenAsync(client, report.Receipt, cancellationToken);
        using (var sent = await PostFileAsync(client, "/api/v1/followup/files", reporterToken, reporterMessage, "room.jpg", TestFiles.Jpeg(), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var teamMessage = "Team to reporter " + marker;
        using (var sent = await PostFileAsync(client, $"/api/v1/reports/{report.Reference}/messages/files", token, teamMessage, "map.jpg", TestFiles.Jpeg(), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        using var api = ReferralReports.Api(factory, token);
        var referral = await ReferralReports.ReferThroughApiForIdAsync(api, report.Reference, organisation, ReferralScopes.Full, cancellationToken);
        var files = await factory.WithDbAsync(db => db.ReportFiles.AsNoTracking()
            .Where(f => f.OriginalId == null && db.Reports.Any(r => r.Id == f.ReportId && r.Reference == report.Reference))
            .ToListAsync(cancellationToken));
        return new SharedReport(
            report.Reference,
            referral,
            files.Single(f => f.MessageItemId == null).Id,
            files.Single(f => f.MessageItemId != null && f.AuthorId == null).Id,
            files.Single(f => f.MessageItemId != null && f.AuthorId != null).Id,
            analyst.Email,
            teamMessage,
            reporterMessage);
    }

    /// <summary>Puts the referral in <paramref name="state"/> as its answers would have, closed <paramref name="closedDaysAgo"/> days ago.</summary>
    public static Task SetStateAsync(LanternFactory factory, Guid referral, string state, double closedDaysAgo = 0) =>
        factory.WithDbAsync(db =>
        {
            var now = DateTime.UtcNow;
            DateTime? closed = state == ReferralStates.Closed ? now.AddDays(-closedDaysAgo) : null;
            DateTime? responded = state is ReferralStates.Accepted or ReferralStates.Declined or ReferralStates.Closed ? (closed ?? now).AddMinutes(-1) : null;
            DateTime? withdrawn = state == ReferralStates.Withdrawn ? now : null;
            return db.Referrals.Where(f => f.Id == referral).ExecuteUpdateAsync(
                set => set
                    .SetProperty(f => f.State, state)
                    .SetProperty(f => f.AcknowledgedAt, state == ReferralStates.Sent ? null : (responded ?? now).AddMinutes(-1))
                    .SetProperty(f => f.RespondedAt, responded)
                    .SetProperty(f => f.ClosedAt, closed)
                    .SetProperty(f => f.Outcome, closed == null ? null : "support-started")
                    .SetProperty(f => f.WithdrawnAt, withdrawn),
                CancellationToken.None);
        });

    /// <summary>Posts a form of the referral page with an antiforgery token taken from <paramref name="page"/> (any page of the signed-in member).</summary>
    public static Task<HttpResponseMessage> PostAsync(FormClient client, HtmlPage page, string path, params (string Name, string Value)[] fields)
    {
        var token = page.Document.QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__af", token));
        return client.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values), CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> PostFileAsync(
        HttpClient client, string path, string token, string text, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(text, Encoding.UTF8), "text");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, cancellationToken);
    }
}
