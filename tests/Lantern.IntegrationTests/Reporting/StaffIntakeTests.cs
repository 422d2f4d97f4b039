using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Reporting;

public sealed class StaffIntakeTestsOnSqlite(SqliteLanternFactory factory) : StaffIntakeTests<SqliteLanternFactory>(factory);

public sealed class StaffIntakeTestsOnPostgres(PostgresLanternFactory factory) : StaffIntakeTests<PostgresLanternFactory>(factory);

/// <summary>
/// Staff intake over HTTP like a browser without JavaScript: an operator records a call, a professional registers
/// a case under their organisation; what they see (the receipt, once), what is stored, and who may do it.
/// </summary>
public abstract class StaffIntakeTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    private const string CallForm = "/staff/calls/new";
    private const string RegisterForm = "/staff/register";

    [Fact]
    public async Task AnOperator_RecordsACall_StoredWithThePhoneDetails_AndTheReceiptOpensIt()
    {
        var (operatorAccount, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);
        var form = await client.GetAsync(CallForm, Cancellation);
        Assert.Equal(HttpStatusCode.OK, form.Status);

        var shown = await form.Form("#intake")
            .Check("role", "victim")
            .Set("language", "ti")
            .Check("interpreterUsed", "yes")
            .Set("callMinutes", "25")
            .Check("immediateDanger", "no")
            .Check("exploitationTypes", "labour")
            .Check("signs", "documents")
            .Check("signs", "wages")
            .Check("minorsInvolved", "no")
            .Set("location.postcode", "2000")
            .Set("entities.phones", "0470 12 34 56")
            .Set("description", "The caller works in a car wash and her passport was taken.")
            .SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal("/staff/calls/recorded", shown.Url.AbsolutePath);
        Assert.True(shown.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var reference = shown.Document.QuerySelector("#reference")!.TextContent;
        var receiptText = shown.Document.QuerySelector("#receipt")!.TextContent;
        var readAloud = shown.Document.QuerySelector("#read-aloud")!.TextContent;
        Assert.Contains(reference, readAloud, StringComparison.Ordinal);
        Assert.Contains(receiptText, readAloud, StringComparison.Ordinal);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<KeyRing>();
        var report = await db.Reports.AsNoTracking().Include(r => r.Items).Include(r => r.Signs).SingleAsync(r => r.Reference == reference, Cancellation);
        Assert.Equal(ReportCodes.Channels.Phone, report.Channel);
        Assert.Equal("victim", report.Role);
        Assert.Equal("ti", report.Language);
        Assert.Equal(operatorAccount.Id, report.RecordedById);
        Assert.True(report.InterpreterUsed);
        Assert.Equal(25, report.CallMinutes);
        Assert.Null(report.OrganisationId);
        Assert.Equal("BE-VLG", report.Region);
        Assert.Equal(["documents", "wages"], report.Signs.Select(s => s.Code).Order(StringComparer.Ordinal));

        // The receipt the operator reads out is the one whose verifier is stored, and it opens the answers.
        Assert.True(Receipt.TryParse(receiptText, out var receipt));
        var receiptKeys = ReceiptDeriver.Derive(receipt, keys.ReceiptPepper);
        Assert.Equal(receiptKeys.Verifier, report.ReceiptVerifier);
        var dataKey = KeyWrap.Unwrap(report.ReceiptWrappedKey, receiptKeys.WrappingKey, report.Id);
        var answers = JsonSerializer.Deserialize<ReportContent>(
            ItemCipher.Decrypt(dataKey, report.Id, ItemKind.Answers, 0, Assert.Single(report.Items).Ciphertext), ReportJson.Options)!;
        Assert.Equal("The caller works in a car wash and her passport was taken.", answers.Description);
        Assert.Equal(["0470 12 34 56"], answers.Entities.Phones);

        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Record == reference).ToListAsync(Cancellation);
        var entry = Assert.Single(audit);
        Assert.Equal("report.recorded", entry.Action);
        Assert.Equal(operatorAccount.Id.ToString(), entry.Actor);
        Assert.DoesNotContain("car wash", entry.Detail, StringComparison.Ordinal);

        // Shown once: a reload no longer has it.
        var again = await client.GetAsync("/staff/calls/recorded", Cancellation);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Document.QuerySelector("#receipt"));
        Assert.DoesNotContain(receiptText, again.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidCall_Answers400_WithMessagesNextToTheFields_AndStoresNothing()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);
        var form = await client.GetAsync(CallForm, Cancellation);
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        var refused = await form.Form("#intake")
            .Set("callMinutes", "601")
            .Set("location.postcode", "12")
            .Set("description", "Kept for the second try.")
            .SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(CallForm, refused.Url.AbsolutePath);
        Assert.NotNull(refused.Document.QuerySelector("#error-summary"));
        foreach (var field in new[] { "role", "language", "interpreterUsed", "callMinutes", "location-postcode" })
        {
            Assert.True(refused.Document.QuerySelector($"#{field}-error") is not null, $"No message next to {field}.");
            Assert.NotNull(refused.Document.QuerySelector($"#error-summary a[href='#{field}']"));
        }

        Assert.Contains("600", refused.Document.QuerySelector("#callMinutes-error")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Length of the call", refused.Document.QuerySelector("#error-summary a[href='#callMinutes']")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Where:", refused.Document.QuerySelector("#error-summary a[href='#location-postcode']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept for the second try.", refused.Document.QuerySelector("#description")!.TextContent);
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));

        var notANumber = await refused.Form("#intake")
            .Check("role", "witness")
            .Set("language", "en")
            .Check("interpreterUsed", "no")
            .Set("callMinutes", "ten")
            .Set("location.postcode", "1000")
            .SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.NotNull(notANumber.Document.QuerySelector("#callMinutes-error"));
        Assert.Null(notANumber.Document.QuerySelector("#role-error"));
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    [Fact]
    public async Task AnAnalyst_MayNotRecordACall()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(CallForm, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/calls/recorded", Cancellation)).Status);
    }

    [Fact]
    public async Task AProfessional_RegistersACase_UnderTheirOrganisation_AndSeesItListedWithoutContent()
    {
        var (professional, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Professional, "payoke");
        var form = await client.GetAsync(RegisterForm, Cancellation);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Payoke", form.Document.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        var shown = await form.Form("#intake")
            .Check("immediateDanger", "unknown")
            .Check("signs", "debt")
            .Check("minorsInvolved", "yes")
            .Set("youngestAge", "16")
            .Set("location.postcode", "4000")
            .Set("profession", "Social worker")
            .Set("description", "A young person I support sleeps at the garage where he works (marker 7Q4).")
            .SubmitAsync(Cancellation);

        Assert.Equal("/staff/register/recorded", shown.Url.AbsolutePath);
        var reference = shown.Document.QuerySelector("#reference")!.TextContent;
        var receiptText = shown.Document.QuerySelector("#receipt")!.TextContent;

        var stored = await Factory.WithDbAsync(async db => new
        {
            Report = await db.Reports.AsNoTracking().SingleAsync(r => r.Reference == reference, Cancellation),
            Payoke = await db.Organisations.Where(o => o.Code == "payoke").Select(o => o.Id).SingleAsync(Cancellation),
            Audited = await db.AuditEntries.AnyAsync(e => e.Action == "report.recorded" && e.Record == reference, Cancellation),
        });
        Assert.Equal(ReportCodes.Channels.Professional, stored.Report.Channel);
        Assert.Equal("professional", stored.Report.Role);
        Assert.Equal(stored.Payoke, stored.Report.OrganisationId);
        Assert.Equal(professional.Id, stored.Report.RecordedById);
        Assert.True(stored.Report.MinorsInvolved);
        Assert.Equal("BE-WAL", stored.Report.Region);
        Assert.Null(stored.Report.CallMinutes);
        Assert.True(stored.Audited);
        await using (var scope = Factory.CreateScope())
        {
            Assert.True(Receipt.TryParse(receiptText, out var receipt));
            var pepper = scope.ServiceProvider.GetRequiredService<KeyRing>().ReceiptPepper;
            Assert.Equal(ReceiptDeriver.Derive(receipt, pepper).Verifier, stored.Report.ReceiptVerifier);
        }

        // The organisation's list: the reference and status, never the content.
        var list = await client.GetAsync(RegisterForm, Cancellation);
        Assert.Contains(list.Document.QuerySelectorAll("table.list td code"), cell => cell.TextContent == reference);
        Assert.DoesNotContain("marker 7Q4", list.Html, StringComparison.Ordinal);

        // A colleague of another organisation does not see it.
        var (_, other) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Professional, "surya");
        Assert.DoesNotContain(reference, (await other.GetAsync(RegisterForm, Cancellation)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfessionalWithoutOrganisation_IsToldWhy_AndNothingIsStored()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Professional);
        var page = await client.GetAsync(RegisterForm, Cancellation);
        Assert.NotNull(page.Document.QuerySelector("#no-organisation"));
        Assert.Null(page.Document.QuerySelector("#intake"));
        var before = await ReportRows.CountAsync(Factory, Cancellation);

        // A forged post, with the session's antiforgery token taken from another page's form.
        var token = (await client.GetAsync("/staff/tokens", Cancellation)).Document.QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        using var response = await client.Client.PostAsync(new Uri(RegisterForm, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token,
            ["description"] = "Should not be stored.",
            ["immediateDanger"] = "yes",
        }), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-organisation", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        Assert.Equal(before, await ReportRows.CountAsync(Factory, Cancellation));
    }

    [Fact]
    public async Task AnOperator_MayNotRegisterACase()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Operator);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(RegisterForm, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/staff/register/recorded", Cancellation)).Status);
    }
}
