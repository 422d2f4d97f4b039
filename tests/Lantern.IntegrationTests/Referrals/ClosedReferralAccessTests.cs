using System.Net;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Referrals;

public sealed class ClosedReferralAccessTestsOnSqlite(ClosedReferralAccessTestsOnSqlite.ClockFactory factory) : ClosedReferralAccessTests<ClosedReferralAccessTestsOnSqlite.ClockFactory>(factory, factory.Clock)
{
    public sealed class ClockFactory : SqliteClockFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => ClosedReferralAccessSettings.Values;
    }
}

public sealed class ClosedReferralAccessTestsOnPostgres(ClosedReferralAccessTestsOnPostgres.ClockFactory factory) : ClosedReferralAccessTests<ClosedReferralAccessTestsOnPostgres.ClockFactory>(factory, factory.Clock)
{
    public sealed class ClockFactory : PostgresClockFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => ClosedReferralAccessSettings.Values;
    }
}

public static class ClosedReferralAccessSettings
{
    /// <summary>A read-only period other than the default, to show it is the setting that counts.</summary>
    public const int ClosedAccessDays = 10;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Lantern:Referrals:ClosedAccessDays"] = ClosedAccessDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Time passing after a partner closes a referral (the app's clock moved forward, one factory per class): the
/// partner reads the report, read-only, for <c>Lantern:Referrals:ClosedAccessDays</c> after closing, then gets 404
/// everywhere, while the contact point keeps the referral and the partner's closing note.
/// </summary>
public abstract class ClosedReferralAccessTests<TFactory>(TFactory factory, TestClock clock) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AClosedReferral_StaysReadableForTheConfiguredDays_ThenOpensNothing()
    {
        var shared = await SharedReports.ShareThroughPagesAndApiAsync(Factory, "surya", Cancellation);
        var (partner, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.PartnerCaseworker, "surya");
        var path = "/staff/referrals/" + shared.ReferralId;
        var accepted = await (await client.GetAsync(path, Cancellation)).Form("form[action*=Accept]").SubmitAsync(Cancellation);
        var closed = await accepted.Form("#close-form").Set("outcome", "support-started").Set("note", "Housed in a shelter.").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.NotNull(closed.Document.QuerySelector("#read-only-until"));

        clock.Advance(TimeSpan.FromDays(ClosedReferralAccessSettings.ClosedAccessDays - 1));
        Assert.Equal(HttpStatusCode.OK, await ReportStatusAsync(partner, shared));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.NotFound, await ReportStatusAsync(partner, shared));
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));
        using var files = await api.GetAsync(new Uri($"/api/v1/reports/{shared.Reference}/files", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, files.StatusCode);
        Assert.DoesNotContain(shared.Reference, (await ReferralReports.GetJsonAsync(api, "/api/v1/referrals", Cancellation)).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(shared.Reference, (await ReferralReports.GetJsonAsync(api, "/api/v1/reports?status=all", Cancellation)).ToJsonString(), StringComparison.Ordinal);

        // The contact point keeps the closed referral with the partner's note.
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        using var central = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
        var referrals = await ReferralReports.GetJsonAsync(central, "/api/v1/referrals?organisation=surya&state=closed", Cancellation);
        Assert.Contains(referrals.AsArray(), r => r!["id"]!.GetValue<string>() == shared.ReferralId.ToString());
    }

    /// <summary>The report through the API with a token made now (a token made before the clock moved may have expired since).</summary>
    private async Task<HttpStatusCode> ReportStatusAsync(StaffCredentials partner, SharedReport shared)
    {
        using var api = ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, partner));
        using var response = await api.GetAsync(new Uri("/api/v1/reports/" + shared.Reference, UriKind.Relative), Cancellation);
        return response.StatusCode;
    }
}
