using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Referrals;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Privacy;

/// <summary>
/// Form values bound as page handler arguments (a partner's decline reason, the contact point's withdrawal reason)
/// never reach the logs, although the test captures every message down to Trace: MVC's Trace messages, which print
/// handler arguments, are kept out centrally (<c>Platform/Logging/MvcArgumentLogging</c>).
/// </summary>
public sealed class HandlerArgumentLoggingTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    [Fact]
    public async Task ReasonsPostedThroughPages_AreNotLogged()
    {
        var declineMarker = "decline-" + Guid.NewGuid().ToString("N");
        var withdrawMarker = "withdraw-" + Guid.NewGuid().ToString("N");
        var report = await ReferralReports.SendAsync(Factory, postcode: "2000", cancellationToken: Cancellation);
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        var declined = await ReferThroughApiAsync(api, report.Reference, "payoke");
        var withdrawn = await ReferThroughApiAsync(api, report.Reference, "myria");
        var (_, partner) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "payoke");
        var (_, central) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);

        var page = await partner.GetAsync($"/staff/referrals/{declined}", Cancellation);
        page = await page.Form("#decline-form").Set("reason", "Not in our region " + declineMarker).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        page = await central.GetAsync($"/staff/referrals/{withdrawn}", Cancellation);
        page = await page.Form("#withdraw-form").Set("reason", "Sent by mistake " + withdrawMarker).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var logs = Factory.Logs.AllText();
        Assert.Contains("Microsoft.AspNetCore.Mvc", logs, StringComparison.Ordinal);
        Assert.Contains(Factory.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Trace);
        Assert.DoesNotContain(declineMarker, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(withdrawMarker, logs, StringComparison.Ordinal);
    }

    private static Task<Guid> ReferThroughApiAsync(HttpClient api, string reference, string organisation) =>
        ReferralReports.ReferThroughApiForIdAsync(api, reference, organisation, "full", Cancellation);
}
