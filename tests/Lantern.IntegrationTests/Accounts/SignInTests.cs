using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Accounts;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>Enrolment, two-factor sign-in, lockout, idle sessions, step-up and tokens, over HTTP like a browser without JavaScript.</summary>
public abstract partial class SignInTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheEnrolmentLink_SetsPasswordAndAuthenticator_ThenWorksNoMore()
    {
        var (email, link) = await AddAccountAsync(StaffRoles.Analyst);
        var client = new FormClient(CreateBrowserClient());

        var page = await client.GetAsync(link, Cancellation);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".qr svg"));
        var key = page.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var credentials = new StaffCredentials(Guid.Empty, email, "a long enough passphrase", key);
        var enrolmentCode = credentials.CurrentCode();
        var done = await page.Form("main form")
            .Set("Password", "a long enough passphrase")
            .Set("Confirmation", "a long enough passphrase")
            .Set("Code", enrolmentCode)
            .SubmitAsync(Cancellation);

        Assert.Equal("/staff", done.Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await new FormClient(CreateBrowserClient()).GetAsync(link, Cancellation)).Status);
        // The same app: the enrolment's code cannot be used again.
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInWithAsync(credentials, enrolmentCode)).Status);
        var signedIn = await StaffSessions.SignInAsync(Factory, credentials);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/staff", Cancellation)).Status);
        Assert.Contains(await ActionsAsync(), a => a == "user.enrolled");
    }

    [Fact]
    public async Task Enrolment_WithAWrongCodeOrShortPassword_IsRefusedNextToTheField()
    {
        var (_, link) = await AddAccountAsync(StaffRoles.Operator);
        var page = await new FormClient(CreateBrowserClient()).GetAsync(link, Cancellation);

        var wrongCode = await page.Form("main form").Set("Password", "a long enough passphrase").Set("Confirmation", "a long enough passphrase").Set("Code", "000000").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.NotNull(wrongCode.Document.QuerySelector("#code-error"));

        var tooShort = await wrongCode.Form("main form").Set("Password", "short").Set("Confirmation", "short").Set("Code", "123456").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.NotNull(tooShort.Document.QuerySelector("#password-error"));

        // Nothing was completed: the link still works.
        Assert.Equal(HttpStatusCode.OK, (await new FormClient(CreateBrowserClient()).GetAsync(link, Cancellation)).Status);
    }

    [Fact]
    public async Task AWrongEnrolmentLink_IsNotFound()
    {
        var page = await new FormClient(CreateBrowserClient()).GetAsync("/staff/enrol/" + new string('A', 43), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task SignIn_NeedsPasswordAndCode_AndAuditsSuccessAndFailure()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var client = new FormClient(CreateBrowserClient());

        var wrongCode = await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
            .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", WrongCode(credentials)).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Equal("/staff/sign-in", (await client.GetAsync("/staff", Cancellation)).Url.AbsolutePath);

        await StaffSessions.SignInAsync(Factory, credentials);

        var entries = await AuditAsync(credentials.Id);
        Assert.Contains(entries, e => e.Action == "sign-in.failed" && e.Detail == "wrong-code");
        Assert.Contains(entries, e => e.Action == "sign-in.succeeded");
        Assert.DoesNotContain(credentials.Password, Factory.Logs.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenForTheRightPasswordAndCode()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var client = new FormClient(CreateBrowserClient());
        for (var i = 0; i < 5; i++)
        {
            var failed = await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
                .Set("Email", credentials.Email).Set("Password", "wrong password " + i).Set("Code", credentials.CurrentCode()).SubmitAsync(Cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, failed.Status);
        }

        var locked = await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
            .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", credentials.CurrentCode()).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains(await AuditAsync(credentials.Id), e => e.Detail == "locked-out");
    }

    [Fact]
    public async Task SigningOut_EndsTheSession()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);

        var signedOut = await (await client.GetAsync("/staff", Cancellation)).Form("form.sign-out").SubmitAsync(Cancellation);

        Assert.Equal("/staff/sign-in", signedOut.Url.AbsolutePath);
        Assert.Equal("/staff/sign-in", (await client.GetAsync("/staff", Cancellation)).Url.AbsolutePath);
    }

    [Fact]
    public async Task StaffPages_SendAnonymousVisitorsToSignIn()
    {
        var client = CreateClientWithoutRedirects();

        var response = await client.GetAsync(new Uri("/staff/users", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSession_IsASessionCookie_ThatEndsAfterTheIdleTime()
    {
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        var response = await client.Client.GetAsync(new Uri("/staff", UriKind.Relative), Cancellation);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffCookie.Name + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);

        var format = Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var ticket = format.Unprotect(CookieValue(setCookie))!;
        var idle = ticket.Properties.ExpiresUtc!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(idle.TotalMinutes, 29, 30.1);

        // The same session, idle for 31 minutes: refused.
        ticket.Properties.IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-61);
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var stale = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", StaffCookie.Name + "=" + format.Protect(ticket));
        var refused = await stale.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserManagement_AsksForTheCodeAgain_WhenTheLastOneIsOld()
    {
        var (credentials, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);
        var users = await client.GetAsync("/staff/users", Cancellation);

        // Fresh from sign-in, adding works at once and shows the one-time link.
        var added = await users.Form("form[action*='handler=Add']").Set("Email", "new.analyst@example.org").Set("Role", StaffRoles.Analyst).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Matches(EnrolmentLink(), added.Document.QuerySelector("#enrolment-link")!.TextContent);

        // With an old second factor, the same action goes through the confirmation page first.
        var stale = await SignInWithOldSecondFactorAsync(credentials);
        var again = await (await stale.GetAsync("/staff/users", Cancellation)).Form("form[action*='handler=Add']")
            .Set("Email", "another@example.org").Set("Role", StaffRoles.Operator).SubmitAsync(Cancellation);
        Assert.Equal("/staff/confirm", again.Url.AbsolutePath);
        Assert.False(await ExistsAsync("another@example.org"));
        var confirmed = await again.Form("main form").Set("Code", credentials.CurrentCode()).SubmitAsync(Cancellation);
        Assert.Equal("/staff/users", confirmed.Url.AbsolutePath);
        Assert.Contains(await AuditAsync(credentials.Id), e => e.Action == "step-up.succeeded");
    }

    [Fact]
    public async Task ADisabledAccount_CannotSignIn_AndItsTokensStopWorking()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, credentials);
        var (_, admin) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Administrator);

        var disabled = await (await admin.GetAsync("/staff/users", Cancellation)).Form($"form[action*='handler=Disable']:has(input[value='{credentials.Email}'])").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, disabled.Status);

        var client = new FormClient(CreateBrowserClient());
        var refused = await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
            .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", credentials.CurrentCode()).SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ANewEnrolment_RevokesTheAccountsTokens_AndEndsItsSessions()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var token = await StaffSessions.TokenAsync(Factory, credentials);
        var session = await StaffSessions.SignInAsync(Factory, credentials);
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation)).StatusCode);
        // A session whose security stamp is due for its check (a minute old) still opens the back office...
        Assert.Equal("/staff", (await (await SessionDueForItsCheckAsync(session)).GetAsync("/staff", Cancellation)).Url.AbsolutePath);

        await using (var scope = Factory.CreateScope())
        {
            var reset = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetEnrolmentAsync(credentials.Email, "test", Cancellation);
            Assert.True(reset.Value is not null, reset.Error);
        }

        // ...and no longer after `users reset` (the lost phone may be in someone else's hands).
        Assert.Equal("/staff/sign-in", (await (await SessionDueForItsCheckAsync(session)).GetAsync("/staff", Cancellation)).Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation)).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.UserId == credentials.Id && t.RevokedAt == null)));
        Assert.Contains(await AuditAsync(credentials.Id), e => e.Action == "user.enrolment-reset" && e.Detail == "tokens-revoked=1");
    }

    [Fact]
    public async Task ALockedOutAccount_KeepsItsApiTokens()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var token = await StaffSessions.TokenAsync(Factory, credentials);

        // Anyone who knows the e-mail address can lock the account: that must not switch off its integrations.
        var client = new FormClient(CreateBrowserClient());
        for (var i = 0; i < 5; i++)
        {
            await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
                .Set("Email", credentials.Email).Set("Password", "wrong password " + i).Set("Code", "000000").SubmitAsync(Cancellation);
        }

        Assert.Contains(await AuditAsync(credentials.Id), e => e.Detail == "wrong-password");
        var lockoutEnd = await Factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == credentials.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow, "The five failures did not lock the account.");
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation)).StatusCode);
    }

    [Fact]
    public async Task ATokenRevokedInThePage_NoLongerOpensTheApi()
    {
        var (credentials, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Coordinator);
        var created = await (await client.GetAsync("/staff/tokens", Cancellation)).Form("form[action*='handler=Create']").Set("Name", "script").SubmitAsync(Cancellation);
        var token = created.Document.QuerySelector("#new-token")!.TextContent.Trim();
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(credentials.Email, await me.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        var revoked = await created.Form("form[action*='handler=Revoke']").SubmitAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/staff/me", UriKind.Relative), Cancellation)).StatusCode);
        var actions = await AuditAsync(credentials.Id);
        Assert.Contains(actions, e => e.Action == "token.created");
        Assert.Contains(actions, e => e.Action == "token.revoked");
    }

    private async Task<HtmlPage> SignInWithAsync(StaffCredentials credentials, string code)
    {
        var client = new FormClient(CreateBrowserClient());
        return await (await client.GetAsync("/staff/sign-in", Cancellation)).Form("main form")
            .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", code).SubmitAsync(Cancellation);
    }

    private async Task<FormClient> SignInWithOldSecondFactorAsync(StaffCredentials credentials)
    {
        // A ticket as sign-in would issue it, but with the second factor given 10 minutes ago.
        var client = await StaffSessions.SignInAsync(Factory, credentials);
        var format = Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var response = await client.Client.GetAsync(new Uri("/staff", UriKind.Relative), Cancellation);
        var ticket = format.Unprotect(CookieValue(response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffCookie.Name + "=", StringComparison.Ordinal))))!;
        var identity = (System.Security.Claims.ClaimsIdentity)ticket.Principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(StaffClaims.SecondFactorAt));
        identity.AddClaim(new System.Security.Claims.Claim(StaffClaims.SecondFactorAt, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var stale = new FormClient(CreateBrowserClient());
        stale.Client.DefaultRequestHeaders.Add("Cookie", StaffCookie.Name + "=" + format.Protect(new AuthenticationTicket(ticket.Principal, ticket.Properties, ticket.AuthenticationScheme)));
        return stale;
    }

    /// <summary>
    /// The same session, but issued two minutes ago: longer than the security-stamp check interval (one minute), so
    /// the next request checks the account's security stamp, as a session in real use does at least every minute.
    /// </summary>
    private async Task<FormClient> SessionDueForItsCheckAsync(FormClient session)
    {
        var format = Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;
        var response = await session.Client.GetAsync(new Uri("/staff", UriKind.Relative), Cancellation);
        var ticket = format.Unprotect(CookieValue(response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffCookie.Name + "=", StringComparison.Ordinal))))!;
        ticket.Properties.IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-2);
        var aged = new FormClient(CreateBrowserClient());
        aged.Client.DefaultRequestHeaders.Add("Cookie", StaffCookie.Name + "=" + format.Protect(ticket));
        return aged;
    }

    private async Task<(string Email, string Link)> AddAccountAsync(string role)
    {
        await using var scope = Factory.CreateScope();
        var email = $"{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, null, "test", Cancellation);
        return (email, "/staff/enrol/" + created.Value!.EnrolmentToken);
    }

    private Task<bool> ExistsAsync(string email) => Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email));

    private Task<List<Lantern.Web.Core.Audit.AuditEntry>> AuditAsync(Guid userId) =>
        Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == userId.ToString() || e.Actor == userId.ToString()).ToListAsync());

    private Task<List<string>> ActionsAsync() => Factory.WithDbAsync(db => db.AuditEntries.Select(e => e.Action).ToListAsync());

    private static string WrongCode(StaffCredentials credentials) =>
        ((int.Parse(credentials.CurrentCode(), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static string CookieValue(string setCookie) => setCookie[(setCookie.IndexOf('=', StringComparison.Ordinal) + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];

    [GeneratedRegex("/staff/enrol/[A-Za-z0-9_-]{40,}$")]
    private static partial Regex EnrolmentLink();
}

public sealed class SignInTestsOnSqlite(SqliteLanternFactory factory) : SignInTests<SqliteLanternFactory>(factory);

public sealed class SignInTestsOnPostgres(PostgresLanternFactory factory) : SignInTests<PostgresLanternFactory>(factory);
