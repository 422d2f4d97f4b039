using Lantern.BrowserTests.Infrastructure;
using Lantern.TestSupport;
using Lantern.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.BrowserTests.Staff;

/// <summary>A staff member as the browser tests know them: what they typed at enrolment and the key their app holds.</summary>
public sealed record StaffMemberLogin(string Email, string Password, string AuthenticatorKey)
{
    private readonly AuthenticatorApp _app = new(AuthenticatorKey);

    /// <summary>A code the authenticator app shows, computed by the test (RFC 6238), never one used before.</summary>
    public string Code() => _app.NextCode();
}

/// <summary>Accounts created as an administrator would (<c>users add</c>) and enrolled through the real pages.</summary>
public static class StaffMembers
{
    public const string Password = "a sentence long enough to remember";

    /// <summary>Creates an account and returns its one-time enrolment path.</summary>
    public static async Task<(string Email, string EnrolmentPath)> AddAsync(LanternServer server, string role, string? organisation = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, organisation, "test", TestContext.Current.CancellationToken);
        Assert.True(created.Value is not null, created.Error);
        return (email, "/staff/enrol/" + created.Value.EnrolmentToken);
    }

    /// <summary>Opens the enrolment link, reads the key shown under the QR code, chooses the password and types the current code.</summary>
    public static async Task<StaffMemberLogin> EnrolAsync(BrowserSession session, string email, string enrolmentPath)
    {
        var page = session.Page;
        await page.GotoAsync(enrolmentPath);
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        var login = new StaffMemberLogin(email, Password, key);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirmation").FillAsync(Password);
        await page.Locator("#code").FillAsync(login.Code());
        await session.ClickAndLoadAsync(page.Locator("main button[type=submit]"));
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
        return login;
    }

    /// <summary>A new account in <paramref name="role"/>, enrolled and signed in within <paramref name="session"/>.</summary>
    public static async Task<StaffMemberLogin> EnrolNewAsync(LanternServer server, BrowserSession session, string role, string? organisation = null)
    {
        var (email, path) = await AddAsync(server, role, organisation);
        return await EnrolAsync(session, email, path);
    }

    public static async Task SignInAsync(BrowserSession session, StaffMemberLogin login)
    {
        var page = session.Page;
        await page.GotoAsync("/staff/sign-in");
        await page.Locator("#email").FillAsync(login.Email);
        await page.Locator("#password").FillAsync(login.Password);
        await page.Locator("#code").FillAsync(login.Code());
        await session.ClickAndLoadAsync(page.Locator("main button[type=submit]"));
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
    }

    public static async Task SignOutAsync(BrowserSession session) =>
        await session.ClickAndLoadAsync(session.Page.Locator("form.sign-out button"));
}
