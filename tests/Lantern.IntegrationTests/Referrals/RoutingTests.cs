using System.Net;
using AngleSharp.Html.Dom;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Referrals;

public sealed class RoutingTestsOnSqlite(SqliteLanternFactory factory) : RoutingTests<SqliteLanternFactory>(factory);

public sealed class RoutingTestsOnPostgres(PostgresLanternFactory factory) : RoutingTests<PostgresLanternFactory>(factory);

/// <summary>The seeded routing rules of DOMAIN.md propose the right organisations, and an administrator's edit changes the proposals.</summary>
public abstract class RoutingTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Theory]
    [InlineData("4000", "surya")]
    [InlineData("2000", "payoke")]
    [InlineData("1000", "pag-asa")]
    public async Task AVictimsReport_IsProposedToTheVictimCentreOfItsRegion(string postcode, string centre)
    {
        using var api = await CoordinatorApiAsync();
        var report = await ReferralReports.SendAsync(Factory, postcode: postcode, cancellationToken: Cancellation);

        var proposed = await ReferralReports.ProposedAsync(api, report.Reference, Cancellation);

        Assert.Equal([centre], proposed);
    }

    [Fact]
    public async Task AWitnessReport_IsNotProposedToAVictimCentre_AndPoliceOnlyInImmediateDanger()
    {
        using var api = await CoordinatorApiAsync();
        var calm = await ReferralReports.SendAsync(Factory, role: "witness", postcode: "4000", cancellationToken: Cancellation);
        var danger = await ReferralReports.SendAsync(Factory, role: "witness", postcode: "4000", danger: true, cancellationToken: Cancellation);

        Assert.Empty(await ReferralReports.ProposedAsync(api, calm.Reference, Cancellation));
        Assert.Equal(["police"], await ReferralReports.ProposedAsync(api, danger.Reference, Cancellation));
    }

    [Fact]
    public async Task AMinor_AddsChildFocus_AndLabourExploitation_AddsTheSocialInspection()
    {
        using var api = await CoordinatorApiAsync();
        var minor = await ReferralReports.SendAsync(Factory, postcode: "2000", minors: true, cancellationToken: Cancellation);
        var labour = await ReferralReports.SendAsync(Factory, postcode: "1000", forms: ["labour"], cancellationToken: Cancellation);

        // The Guardianship Service is not proposed: its seeded rule is disabled (no "unaccompanied" fact exists).
        Assert.Equal(["payoke", "child-focus"], await ReferralReports.ProposedAsync(api, minor.Reference, Cancellation));
        Assert.Equal(["pag-asa", "social-inspection"], await ReferralReports.ProposedAsync(api, labour.Reference, Cancellation));
        var detail = await ReferralReports.GetJsonAsync(api, "/api/v1/reports/" + labour.Reference, Cancellation);
        var inspection = detail["proposedReferrals"]!.AsArray().Single(p => p!["organisation"]!.GetValue<string>() == "social-inspection")!;
        Assert.Equal("without-contact", inspection["scope"]!.GetValue<string>());
        Assert.Contains("Labour exploitation", inspection["rule"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_AddsEditsAndDisablesARule_AndTheProposalFollows_Audited()
    {
        using var api = await CoordinatorApiAsync();
        var (administrator, admin) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        // German-language victims' reports only, so that the new rule touches no other test's report.
        var report = await ReferralReports.SendAsync(Factory, postcode: "4000", language: "de", cancellationToken: Cancellation);
        Assert.Equal(["surya"], await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));

        var form = await admin.GetAsync("/staff/routing/rules", Cancellation);
        var added = await form.Form("#rule-form")
            .Set("Input.Name", "German-speaking victims also go to Esperanto")
            .Set("Input.SortOrder", "15")
            .Set("Input.Language", "de")
            .Set("Input.Organisation", "esperanto")
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Equal("/staff/routing", added.Url.AbsolutePath);
        Assert.Equal(["surya", "esperanto"], await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));

        var id = await Factory.WithDbAsync(db => db.RoutingRules.Where(r => r.Language == "de").Select(r => r.Id).SingleAsync(Cancellation));
        var edit = await admin.GetAsync("/staff/routing/rules/" + id, Cancellation);
        await edit.Form("#rule-form").Set("Input.Organisation", "myria").SubmitAsync(Cancellation);
        Assert.Equal(["surya", "myria"], await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));

        var bothTargets = await (await admin.GetAsync("/staff/routing/rules/" + id, Cancellation)).Form("#rule-form")
            .Set("Input.OrganisationKind", "shelter").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, bothTargets.Status);

        var list = await admin.GetAsync("/staff/routing", Cancellation);
        var toggle = list.Document.QuerySelectorAll("#rule-list form").Single(f => f.QuerySelector("input[name=id]")!.GetAttribute("value") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await new FormFill(list, (IHtmlFormElement)toggle).SubmitAsync(Cancellation);
        Assert.Equal(["surya"], await ReferralReports.ProposedAsync(api, report.Reference, Cancellation));

        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Actor == administrator.Id.ToString()).Select(e => e.Action).ToListAsync(Cancellation));
        Assert.Contains("routing.rule-added", actions);
        Assert.Contains("routing.rule-changed", actions);
        Assert.Contains("routing.rule-disabled", actions);
    }

    private async Task<HttpClient> CoordinatorApiAsync()
    {
        var coordinator = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        return ReferralReports.Api(Factory, await StaffSessions.TokenAsync(Factory, coordinator));
    }
}
