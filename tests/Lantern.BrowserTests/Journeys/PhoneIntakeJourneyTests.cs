using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Accounts;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Reports;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// An operator records a call in the back office, with and without JavaScript: the form with every question on
/// one page, its errors, and the receipt shown once to read out. axe runs on every page.
/// </summary>
public sealed class PhoneIntakeJourneyTests(LanternBrowser lantern)
{
    private const string Password = "operator passphrase for tests";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnOperator_RecordsACall_AndReadsTheReceiptOnce(bool javaScript)
    {
        var (email, key) = await CreateOperatorAsync();
        await using var session = await lantern.OpenAsync(javaScript);
        var page = session.Page;

        await page.GotoAsync("/staff/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await session.ClickAndLoadAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);

        await page.GotoAsync("/staff/calls/new");
        Assert.Equal(lantern.Text("en", "staff.intake.call.title"), (await page.Locator("h1").InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();

        // Nothing filled in: 400, a summary and a message beside each required answer.
        var submit = page.Locator("form#intake button[type=submit]");
        Assert.Equal(400, (await session.ClickAndLoadAsync(submit)).Status);
        Assert.True(await page.Locator("#error-summary").IsVisibleAsync());
        Assert.True(await page.Locator("#callMinutes-error").IsVisibleAsync());
        await session.AssertAccessibleAsync();

        await page.Locator("#role-witness").CheckAsync();
        await page.Locator("#language").SelectOptionAsync("ar");
        await page.Locator("#interpreterUsed-yes").CheckAsync();
        await page.Locator("#callMinutes").FillAsync("12");
        await page.Locator("#immediateDanger-no").CheckAsync();
        await page.Locator("#sign-debt").CheckAsync();
        await page.Locator("#location-postcode").FillAsync("1000");
        await page.Locator("#description").FillAsync("The caller's cousin works in a restaurant kitchen for no pay.");
        Assert.Equal(200, (await session.ClickAndLoadAsync(submit)).Status);

        Assert.Equal("/staff/calls/recorded", new Uri(page.Url).AbsolutePath);
        var reference = (await page.Locator("#reference").InnerTextAsync()).Trim();
        var receipt = (await page.Locator("#receipt").InnerTextAsync()).Trim();
        Assert.Contains(receipt, await page.Locator("#read-aloud").InnerTextAsync(), StringComparison.Ordinal);
        await session.AssertAccessibleAsync();
        session.AssertNoForeignRequests();

        var report = await lantern.Server.FindReportAsync(reference);
        Assert.Equal(ReportCodes.Channels.Phone, report.Channel);
        Assert.Equal("ar", report.Language);
        Assert.Equal(12, report.CallMinutes);

        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#receipt").CountAsync());
        Assert.DoesNotContain(receipt, await page.ContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>An operator account that finished enrolment, as if through the enrolment page (which has its own tests).</summary>
    private async Task<(string Email, string Key)> CreateOperatorAsync()
    {
        await using var scope = lantern.Server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"operator-{Guid.NewGuid():N}@example.org";
        var created = await accounts.AddAsync(email, StaffRoles.Operator, null, "test", TestContext.Current.CancellationToken);
        Assert.True(created.Value is not null, created.Error);
        var user = created.Value.User;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, Password);
        user.TwoFactorEnabled = true;
        user.EnrolmentTokenHash = null;
        await users.UpdateAsync(user);
        return (email, key!);
    }
}
