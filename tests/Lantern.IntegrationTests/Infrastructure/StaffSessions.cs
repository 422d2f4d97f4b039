using Lantern.IntegrationTests.Forms;
using Lantern.TestSupport;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>A staff account the tests created, with what its person knows: password and authenticator key.</summary>
public sealed record StaffCredentials(Guid Id, string Email, string Password, string AuthenticatorKey)
{
    private readonly AuthenticatorApp _app = new(AuthenticatorKey);

    /// <summary>A code the person's authenticator app shows, never one used before (Lantern accepts each once).</summary>
    public string CurrentCode() => _app.NextCode();
}

/// <summary>Enrolled staff accounts and signed-in clients for tests of the back office.</summary>
public static class StaffSessions
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// An account in <paramref name="role"/> that has finished enrolment (password and authenticator set), as
    /// if its person had used the enrolment page; the enrolment page itself has its own tests.
    /// </summary>
    public static async Task<StaffCredentials> CreateAsync(LanternFactory factory, string role, string? organisation = null)
    {
        await using var scope = factory.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var created = await accounts.AddAsync(email, role, organisation, "test", CancellationToken.None);
        Assert.True(created.Value is not null, created.Error);
        var user = created.Value.User;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        user.TwoFactorEnabled = true;
        user.EnrolmentTokenHash = null;
        await users.UpdateAsync(user);
        return new StaffCredentials(user.Id, email, Password, key!);
    }

    /// <summary>A browser-like client signed in through the sign-in page.</summary>
    public static async Task<FormClient> SignInAsync(LanternFactory factory, StaffCredentials credentials)
    {
        var client = new FormClient(factory.CreateClient());
        var page = await client.GetAsync("/staff/sign-in");
        var home = await page.Form("main form")
            .Set("Email", credentials.Email)
            .Set("Password", credentials.Password)
            .Set("Code", credentials.CurrentCode())
            .SubmitAsync();
        Assert.True(home.Url.AbsolutePath == "/staff", $"Sign-in of {credentials.Email} ended on {home.Url} ({home.Status}).");
        return client;
    }

    /// <summary>An enrolled account in <paramref name="role"/>, signed in.</summary>
    public static async Task<(StaffCredentials Credentials, FormClient Client)> SignInAsAsync(LanternFactory factory, string role, string? organisation = null)
    {
        var credentials = await CreateAsync(factory, role, organisation);
        return (credentials, await SignInAsync(factory, credentials));
    }

    /// <summary>A personal access token of the account, for the staff API.</summary>
    public static async Task<string> TokenAsync(LanternFactory factory, StaffCredentials credentials)
    {
        await using var scope = factory.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateTokenAsync(credentials.Email, "tests", 30, "test", CancellationToken.None);
        return created.Value!;
    }
}
