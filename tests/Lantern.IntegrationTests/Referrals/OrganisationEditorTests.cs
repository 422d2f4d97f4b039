using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Referrals;

/// <summary>Administrators edit organisations: saved whole or not at all, audited, reflected in the help directory.</summary>
public abstract class OrganisationEditorTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task AnAdministrator_EditsAnOrganisation_AndTheChangeIsAudited()
    {
        var (credentials, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        var list = await client.GetAsync("/staff/organisations", Cancellation);
        Assert.NotNull(list.Document.QuerySelector("a[href='/staff/organisations/payoke']"));

        var form = await client.GetAsync("/staff/organisations/payoke", Cancellation);
        Assert.Equal("nl,fr,en", form.Document.QuerySelector("#languages")!.GetAttribute("value"));
        var saved = await form.Form("main form")
            .Set("Input.Languages", "nl, fr, en, ar")
            .Set("Input.Postcodes", "2000-2999 , 1500-1999")
            .Set("Input.OpeningHours", "Mon–Fri 9:00–17:00")
            .Set("Input.NoticeEmail", "referrals@payoke.example")
            .Check("Input.TakesMinors", "true")
            .SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("/staff/organisations", saved.Url.AbsolutePath);
        Assert.Contains("Payoke", saved.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var payoke = await Factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Code == "payoke", Cancellation));
        Assert.Equal("nl,fr,en,ar", payoke.Languages);
        Assert.Equal("1500-1999,2000-2999", payoke.Postcodes);
        Assert.Equal("referrals@payoke.example", payoke.NoticeEmail);
        Assert.True(payoke.TakesMinors);
        Assert.Equal("BE-VLG", payoke.Regions);

        var entry = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "organisation.update" && e.Record == "payoke", Cancellation));
        Assert.Equal(credentials.Id.ToString(), entry.Actor);
        Assert.Contains("NoticeEmail", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("Languages", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Name", entry.Detail.Split(','));
    }

    [Fact]
    public async Task AnInvalidForm_ComesBackWithEveryErrorLinkedToItsField_AndNothingIsSaved()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        var before = await Factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Code == "surya", Cancellation));
        var form = await client.GetAsync("/staff/organisations/surya", Cancellation);

        var page = await form.Form("main form")
            .Set("Input.Name", "Sürya renamed")
            .Set("Input.Postcodes", "4000-4999, 4799-4700")
            .Set("Input.Languages", "fr, klingon")
            .Set("Input.Email", "not an address")
            .Set("Input.Website", "javascript:alert(1)")
            .Set("Input.Phone", "call us!")
            .Set("Input.SortOrder", "soon")
            .Uncheck("Input.TakesAdults", "true")
            .SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#postcodes", "#languages", "#adults", "#phone", "#email", "#website", "#order"], links);
        Assert.Contains("4799-4700", page.Document.QuerySelector("#postcodes-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("#email")!.GetAttribute("aria-invalid"));
        Assert.Equal("Sürya renamed", page.Document.QuerySelector("#name")!.GetAttribute("value"));

        var after = await Factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Code == "surya", Cancellation));
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Postcodes, after.Postcodes);
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "organisation.update" && e.Record == "surya", Cancellation)));
    }

    [Fact]
    public async Task AnAdministrator_AddsAnOrganisation_WhichTheDirectoryShowsForItsPostcodes()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        var code = "east-" + Guid.NewGuid().ToString("N")[..8];
        var form = await client.GetAsync("/staff/organisations/new", Cancellation);

        var taken = await form.Form("main form").Set("Input.Code", "surya").Set("Input.Name", "Copy").Check("Input.Regions", "national").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, taken.Status);
        Assert.Equal("#code", taken.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));

        var empty = await form.Form("main form").Set("Input.Code", code).Set("Input.Name", "Test centre East").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("#regions", empty.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));

        var saved = await form.Form("main form")
            .Set("Input.Code", code)
            .Set("Input.Name", "Test centre East")
            .Set("Input.Kind", "victim-centre")
            .Set("Input.Postcodes", "4700-4799")
            .Check("Input.Forms", "labour")
            .Check("Input.ShowInDirectory", "true")
            .SubmitAsync(Cancellation);
        Assert.Equal("/staff/organisations", saved.Url.AbsolutePath);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "organisation.create" && e.Record == code, Cancellation)));

        var publicSite = new FormClient(CreateBrowserClient());
        var inside = await publicSite.GetAsync("/en/help?postcode=4750&form=labour", Cancellation);
        var outside = await publicSite.GetAsync("/en/help?postcode=4000&form=labour", Cancellation);
        var otherForm = await publicSite.GetAsync("/en/help?postcode=4750&form=sexual", Cancellation);
        Assert.NotNull(inside.Document.QuerySelector($"#org-{code}"));
        Assert.Null(outside.Document.QuerySelector($"#org-{code}"));
        Assert.Null(otherForm.Document.QuerySelector($"#org-{code}"));
        Assert.Equal(HttpStatusCode.OK, (await publicSite.GetAsync($"/en/help/{code}", Cancellation)).Status);
    }

    [Fact]
    public async Task HidingAnOrganisation_TakesItOutOfTheDirectory()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        var form = await client.GetAsync("/staff/organisations/esperanto", Cancellation);
        await form.Form("main form").Uncheck("Input.ShowInDirectory", "true").SubmitAsync(Cancellation);

        var publicSite = new FormClient(CreateBrowserClient());
        Assert.Equal(HttpStatusCode.NotFound, (await publicSite.GetAsync("/en/help/esperanto", Cancellation)).Status);
        Assert.Null((await publicSite.GetAsync("/en/help?postcode=4000&who=minor", Cancellation)).Document.QuerySelector("#org-esperanto"));
    }

    [Fact]
    public async Task AnUnknownOrganisation_IsNotFound_AndOtherRolesMayNotSave()
    {
        var (_, admin) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/staff/organisations/nothing-here", Cancellation)).Status);

        var form = await admin.GetAsync("/staff/organisations/pag-asa", Cancellation);
        var (_, coordinator) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var fields = form.Form("main form").Set("Input.Name", "Taken over").Fields.Where(f => f.Key != "__af").ToList();
        var coordinatorForm = await coordinator.GetAsync("/staff/inbox", Cancellation);
        fields.Add(new("__af", coordinatorForm.Document.QuerySelector("input[name=__af]")?.GetAttribute("value") ?? string.Empty));
        using var post = await coordinator.Client.PostAsync(new Uri("/staff/organisations/pag-asa", UriKind.Relative), new FormUrlEncodedContent(fields), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("PAG-ASA", await Factory.WithDbAsync(db => db.Organisations.Where(o => o.Code == "pag-asa").Select(o => o.Name).SingleAsync(Cancellation)));
    }
}

public sealed class OrganisationEditorTestsOnSqlite(SqliteLanternFactory factory) : OrganisationEditorTests<SqliteLanternFactory>(factory);

public sealed class OrganisationEditorTestsOnPostgres(PostgresLanternFactory factory) : OrganisationEditorTests<PostgresLanternFactory>(factory);
