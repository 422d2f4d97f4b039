using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Privacy;
using Lantern.Web.Accounts.Authenticator;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Accounts;

public sealed class AuthenticatorKeyStorageTestsOnSqlite(SqliteLanternFactory factory) : AuthenticatorKeyStorageTests<SqliteLanternFactory>(factory);

public sealed class AuthenticatorKeyStorageTestsOnPostgres(PostgresLanternFactory factory) : AuthenticatorKeyStorageTests<PostgresLanternFactory>(factory);

/// <summary>
/// The authenticator key (the secret behind the six-digit codes) is stored encrypted with keys kept outside the
/// database, so a copy of the database holds no second factor; keys stored in the clear before are encrypted at
/// start-up and keep working.
/// </summary>
public abstract class AuthenticatorKeyStorageTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheAuthenticatorKey_IsNowhereInTheDatabaseInTheClear_AndSignInStillWorks()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);

        var stored = await Factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == credentials.Id).Select(t => t.Value).ToListAsync(Cancellation));
        var value = Assert.Single(stored)!;
        Assert.StartsWith(ProtectedTokenUserStore.Prefix, value, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.AuthenticatorKey, value, StringComparison.Ordinal);
        var found = StoredDataScan.Find(await Factory.ReadStoredDataAsync(), [credentials.AuthenticatorKey]);
        Assert.True(found.Count == 0, "Authenticator key stored in the clear: " + string.Join("; ", found));

        var client = await StaffSessions.SignInAsync(Factory, credentials);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/staff", Cancellation)).Status);
    }

    [Fact]
    public async Task AKeyThatCanNoLongerBeDecrypted_RefusesTheCode_WithoutAServerError()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        await Factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == credentials.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, ProtectedTokenUserStore.Prefix + "CfDJ8-made-with-a-lost-key"), Cancellation));
        var client = new Forms.FormClient(Factory.CreateClient());

        var page = await client.GetAsync("/staff/sign-in", Cancellation);
        var refused = await page.Form("main form")
            .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", credentials.CurrentCode())
            .SubmitAsync(Cancellation);

        Assert.True((int)refused.Status is >= 400 and < 500 || refused.Status == System.Net.HttpStatusCode.OK, refused.Status.ToString());
        Assert.NotEqual("/staff", refused.Url.AbsolutePath);
    }

    [Fact]
    public async Task AKeyStoredInTheClearBefore_IsEncryptedAtStartUp_AndStillGivesTheSameCodes()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        const string legacy = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        await Factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == credentials.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, legacy), Cancellation));

        await using var scope = Factory.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(credentials.Id.ToString());
        Assert.Equal(legacy, await users.GetAuthenticatorKeyAsync(user!));
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>())
        {
            await seeder.SeedAsync(db, Cancellation);
        }

        var value = await Factory.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == credentials.Id).Select(t => t.Value).SingleAsync(Cancellation));
        Assert.StartsWith(ProtectedTokenUserStore.Prefix, value!, StringComparison.Ordinal);
        Assert.DoesNotContain(legacy, value!, StringComparison.Ordinal);
        await using var fresh = Factory.CreateScope();
        var freshUsers = fresh.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal(legacy, await freshUsers.GetAuthenticatorKeyAsync((await freshUsers.FindByIdAsync(credentials.Id.ToString()))!));
    }
}
