using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>
/// Sign-in answers after the same work whatever the e-mail address: an unknown address, a disabled, locked or
/// not yet enrolled account, a wrong password and a wrong code each cost exactly one password verification of
/// the same strength, so the time of the answer does not tell who has an account. (The time itself is measured
/// in bench/SignIn; a test asserts the work, not the clock.)
/// </summary>
public abstract class SignInWorkTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory, IInstrumentedSignIn
{
    [Fact]
    public async Task EveryRefusedSignIn_VerifiesOnePasswordOfFullCost()
    {
        var enrolled = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var disabled = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var locked = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        string notEnrolled;
        string realHash;
        await using (var scope = Factory.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.NotNull((await accounts.DisableAsync(disabled.Email, "test", Cancellation)).Value);
            var lockedUser = (await users.FindByEmailAsync(locked.Email))!;
            Assert.True((await users.SetLockoutEndDateAsync(lockedUser, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);
            notEnrolled = $"new-{Guid.NewGuid():N}@example.org";
            Assert.NotNull((await accounts.AddAsync(notEnrolled, StaffRoles.Analyst, null, "test", Cancellation)).Value);
            realHash = (await users.FindByEmailAsync(enrolled.Email))!.PasswordHash!;
        }

        var attempts = new (string Case, string Email, string Password, string Code)[]
        {
            ("unknown e-mail", $"nobody-{Guid.NewGuid():N}@example.org", "some password", "123456"),
            ("disabled", disabled.Email, disabled.Password, disabled.CurrentCode()),
            ("locked", locked.Email, locked.Password, locked.CurrentCode()),
            ("not enrolled", notEnrolled, "some password", "123456"),
            ("wrong password", enrolled.Email, "not the password", enrolled.CurrentCode()),
            ("wrong code", enrolled.Email, enrolled.Password, "000000"),
        };
        foreach (var (name, email, password, code) in attempts)
        {
            var form = (await new FormClient(CreateBrowserClient()).GetAsync("/staff/sign-in", Cancellation)).Form("main form")
                .Set("Email", email).Set("Password", password).Set("Code", code);
            Factory.Verifications.Clear();

            var refused = await form.SubmitAsync(Cancellation);

            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            var verified = Factory.Verifications.Hashes;
            Assert.True(verified.Count == 1, $"{name}: {verified.Count} password verifications instead of one.");
            Assert.True(PasswordVerifications.Iterations(verified[0]) == PasswordVerifications.Iterations(realHash), $"{name}: a cheaper verification than a real one.");
        }
    }
}

public sealed class SignInWorkTestsOnSqlite(InstrumentedSqliteFactory factory) : SignInWorkTests<InstrumentedSqliteFactory>(factory);

public sealed class SignInWorkTestsOnPostgres(InstrumentedPostgresFactory factory) : SignInWorkTests<InstrumentedPostgresFactory>(factory);
